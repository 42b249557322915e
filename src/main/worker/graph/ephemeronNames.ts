import type { StringStore } from '../parse/stringStore';

// Per string: 0 until looked at, then PLAIN or EPHEMERON.
const PLAIN = 1;
const EPHEMERON = 2;

// V8 names both edges to a WeakMap value "<n> / part of key (K @k) -> value (V @v) pair in
// WeakMap (table @t)": one from the key, one from the table. The pattern is DevTools'.
const MIN_NAME_BYTES = '0 / part of key ( @0) -> value ( @0) pair in WeakMap (table @0)'.length;
const EPHEMERON_NAME =
  /^\d+ \/ part of key \(.*? @(?<keyId>\d+)\) -> value \(.*? @(?<valueId>\d+)\) pair in WeakMap \(table @(?<tableId>\d+)\)$/;

interface Ephemeron {
  /** The id of the WeakMap's backing table. */
  tableId: number;
  /**
   * Equal for the two edges of one key/value pair, as their names without the leading counter
   * are: made of the key, value and table ids those names hold. Not the name itself, so the
   * hundreds of thousands of names of a big heap are not kept as strings.
   */
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
    // Most internal edge names are not ephemerons: keep that answer cheap enough to inline.
    const state = this.state[nameIndex];
    if (state === PLAIN) return undefined;
    return state === EPHEMERON ? this.parsed.get(nameIndex) : this.parse(nameIndex);
  }

  private parse(nameIndex: number): Ephemeron | undefined {
    const first = this.strings.firstByte(nameIndex);
    // Cheap rejections first: such names start with a digit and are long (numeric names are not).
    const candidate = first >= 0x30 && first <= 0x39 && this.strings.byteLength(nameIndex) >= MIN_NAME_BYTES;
    const match = candidate ? EPHEMERON_NAME.exec(this.strings.get(nameIndex)) : null;
    if (!match?.groups) {
      this.state[nameIndex] = PLAIN;
      return undefined;
    }
    const { keyId, valueId, tableId } = match.groups;
    // join() builds one flat string; concatenation would keep a tree of five small strings.
    const ephemeron = { tableId: Number(tableId), pairKey: [keyId, valueId, tableId].join('/') };
    this.state[nameIndex] = EPHEMERON;
    this.parsed.set(nameIndex, ephemeron);
    return ephemeron;
  }
}
