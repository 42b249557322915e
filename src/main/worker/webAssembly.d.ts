// `*.wat` imports are compiled by scripts/wasmTextPlugin.mjs into the module's bytes.
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}

// The part of the WebAssembly JS API the engine uses: Node has it, but @types/node 20 does not
// declare it (the DOM library does, and the main process must not see the DOM's types).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, Memory>>);
    readonly exports: Record<string, unknown>;
  }
}
