import type { StringStore } from '../parse/stringStore';

const encoder = new TextEncoder();

/**
 * The string-table indexes of a few names an analysis compares node or edge names with, found
 * in one pass so hot loops compare numbers. (KnownStrings does this for the names the graph
 * passes share; these are names only one analysis needs.) A table may repeat a string.
 */
export class StringIndexes<Name extends string> {
  private readonly found = new Map<Name, Set<number>>();

  constructor(strings: StringStore, names: readonly Name[]) {
    const wanted = names.map((name) => ({ name, bytes: encoder.encode(name), indexes: new Set<number>() }));
    const lengths = new Set(wanted.map((entry) => entry.bytes.length));
    for (let index = 0; index < strings.count; index++) {
      if (!lengths.has(strings.byteLength(index))) continue;
      for (const entry of wanted) if (strings.equalsBytes(index, entry.bytes)) entry.indexes.add(index);
    }
    for (const entry of wanted) this.found.set(entry.name, entry.indexes);
  }

  is(name: Name, stringIndex: number): boolean {
    return this.found.get(name)!.has(stringIndex);
  }
}
