import { readFile } from 'node:fs/promises';
import initWabt from 'wabt';

/**
 * A Vite plugin that compiles WebAssembly text (`*.wat`) at build time: importing one yields
 * the module's bytes. The engine's kernels are kept as readable text in the repository rather
 * than as committed binaries, and every build (app, tests, benchmarks) compiles the same source.
 */
export function wasmText() {
  let wabt;
  return {
    name: 'heapdeck-wasm-text',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      wabt ??= await initWabt();
      const parsed = wabt.parseWat(id, await readFile(id, 'utf8'));
      try {
        parsed.validate();
        const { buffer } = parsed.toBinary({});
        return `export default Uint8Array.from(atob(${JSON.stringify(Buffer.from(buffer).toString('base64'))}), (c) => c.charCodeAt(0));`;
      } finally {
        parsed.destroy();
      }
    },
  };
}
