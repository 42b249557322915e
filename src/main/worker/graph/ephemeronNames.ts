import type { StringStore } from '../parse/stringStore';

// Per string: 0 until looked at, then PLAIN or EPHEMERON.
const PLAIN = 1;
const EPHEMERON = 2;

// V8 names both edges to a WeakMap value "<n> / part of key (K @k) -> value (V @v) pair in
// WeakMap (table @t)": one from the key, one from the table. The pattern is DevTools'.
const EPHEMERON_NAME =
  /^\d+(?<pair> \/ part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(?<tableId>\d+)\))$/;

interface Ephemeron {
  /** The id of the WeakMap's backing table. */
  tableId: number;
  /** The name without its leading counter: equal for the two edges of one key/value pair. */
  pairKey: string;
}

/** Recognises WeakMap key/value edge names, caching per string so each is parsed once. */
export class EphemeronNames {
  private readonly state: Uint8Array;
  private readonly parsed = new Map<number, Ephemeron>();

  constructor(private readonly strings: StringStore) {
    this.state = new Uint8Array(strings.count);
  }

  /** The ephemeron described by string `nameIndex`, or undefined for any other name. */
  lookup(nameIndex: number): Ephemeron | undefined {
    const state = this.state[nameIndex];
    if (state === PLAIN) return undefined;
    if (state === EPHEMERON) return this.parsed.get(nameIndex);
    const first = this.strings.firstByte(nameIndex);
    const match = first >= 0x30 && first <= 0x39 ? EPHEMERON_NAME.exec(this.strings.get(nameIndex)) : null;
    if (!match?.groups) {
      this.state[nameIndex] = PLAIN;
      return undefined;
    }
    const ephemeron = { tableId: Number(match.groups.tableId), pairKey: match.groups.pair! };
    this.state[nameIndex] = EPHEMERON;
    this.parsed.set(nameIndex, ephemeron);
    return ephemeron;
  }
}
