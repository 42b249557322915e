import type { StringStore } from '../parse/stringStore';

/** Names the analyses compare node and edge names with, as DevTools does by string. */
export const KNOWN_NAMES = [
  '(Document DOM trees)',
  'sloppy_function_map',
  'system / NativeContext',
  '(map descriptors)',
  'system / ExternalStringData',
  'system / JSArrayBufferData',
  'Object',
  'Array',
  'elements',
  '__proto__',
  'first',
  'second',
  'parent',
  '_events',
  'shared',
  'script',
  'script_or_debug_info',
  'name',
] as const;
export type KnownName = (typeof KNOWN_NAMES)[number];

const encoder = new TextEncoder();

/**
 * Where each of some names sits in the string table, found in one pass so hot loops compare
 * indexes instead of decoding strings. V8 stores each string once, but a table may repeat one.
 */
export class NameIndexes<Name extends string> {
  private readonly found = new Map<Name, number[]>();

  constructor(strings: StringStore, names: readonly Name[]) {
    // Grouped by byte length, so most strings of a big table are passed over by one lookup.
    const byLength: { name: Name; bytes: Uint8Array }[][] = [];
    for (const name of names) {
      const bytes = encoder.encode(name);
      (byLength[bytes.length] ??= []).push({ name, bytes });
      this.found.set(name, []);
    }
    for (let index = 0; index < strings.count; index++) {
      const candidates = byLength[strings.byteLength(index)];
      if (candidates === undefined) continue;
      for (const entry of candidates) {
        if (strings.equalsBytes(index, entry.bytes)) this.found.get(entry.name)!.push(index);
      }
    }
  }

  is(name: Name, stringIndex: number): boolean {
    const indexes = this.found.get(name)!;
    for (let k = 0; k < indexes.length; k++) if (indexes[k] === stringIndex) return true;
    return false;
  }

  /** The first index of `name`, or -1 when the table lacks it. */
  first(name: Name): number {
    return this.found.get(name)![0] ?? -1;
  }
}

/** The names the graph passes and the model share (an analysis needing others makes its own). */
export class KnownStrings extends NameIndexes<KnownName> {
  constructor(strings: StringStore) {
    super(strings, KNOWN_NAMES);
  }
}
