import type { StringStore } from '../parse/stringStore';

// Per string: NOT_SEEN until looked at, then PLAIN, or the 1-based slot of its parsed ids.
const NOT_SEEN = 0;
const PLAIN = -1;

// V8 names both edges to a WeakMap value "<n> / part of key (K @k) -> value (V @v) pair in
// WeakMap (table @t)": one from the key, one from the table. The pattern is DevTools'.
const MIN_NAME_BYTES = '0 / part of key ( @0) -> value ( @0) pair in WeakMap (table @0)'.length;
const EPHEMERON_NAME =
  /^\d+ \/ part of key \(.*? @(?<keyId>\d+)\) -> value \(.*? @(?<valueId>\d+)\) pair in WeakMap \(table @(?<tableId>\d+)\)$/;

/**
 * Recognises WeakMap key/value edge names, parsing each string once. A big heap has hundreds of
 * thousands of them, so the ids go to typed arrays rather than an object (and strings) per name.
 */
export class EphemeronNames {
  private readonly slots: Int32Array;
  // Three ids per parsed name; V8 object ids fit in 32 bits (the graph keeps them so).
  private ids = new Uint32Array(3 * 1024);
  private parsedCount = 0;

  constructor(private readonly strings: StringStore) {
    this.slots = new Int32Array(strings.count);
  }

  /** The id of the WeakMap table named by string `nameIndex`, or -1 for any other name. */
  tableIdOf(nameIndex: number): number {
    const slot = this.slotOf(nameIndex);
    return slot === PLAIN ? -1 : this.ids[3 * slot - 1]!;
  }

  /**
   * Equal for the two edges of one key/value pair, as their names without the leading counter
   * are (made of the key, value and table ids), undefined for any other name. Built when asked.
   */
  pairKeyOf(nameIndex: number): string | undefined {
    const slot = this.slotOf(nameIndex);
    if (slot === PLAIN) return undefined;
    const at = 3 * (slot - 1);
    return `${this.ids[at]}/${this.ids[at + 1]}/${this.ids[at + 2]}`;
  }

  /** Whether two ephemeron names are the two edges of one key/value pair. */
  samePair(nameIndex: number, otherNameIndex: number): boolean {
    const at = 3 * (this.slotOf(nameIndex) - 1);
    const other = 3 * (this.slotOf(otherNameIndex) - 1);
    return this.ids[at] === this.ids[other] && this.ids[at + 1] === this.ids[other + 1] && this.ids[at + 2] === this.ids[other + 2];
  }

  isEphemeron(nameIndex: number): boolean {
    return this.slotOf(nameIndex) !== PLAIN;
  }

  private slotOf(nameIndex: number): number {
    // Most internal edge names are not ephemerons: keep that answer cheap enough to inline.
    const slot = this.slots[nameIndex]!;
    return slot === NOT_SEEN ? this.parse(nameIndex) : slot;
  }

  private parse(nameIndex: number): number {
    const first = this.strings.firstByte(nameIndex);
    // Cheap rejections first: such names start with a digit and are long (numeric names are not).
    const candidate = first >= 0x30 && first <= 0x39 && this.strings.byteLength(nameIndex) >= MIN_NAME_BYTES;
    const groups = candidate ? EPHEMERON_NAME.exec(this.strings.get(nameIndex))?.groups : undefined;
    if (!groups) return (this.slots[nameIndex] = PLAIN);
    if (3 * (this.parsedCount + 1) > this.ids.length) {
      const bigger = new Uint32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    const at = 3 * this.parsedCount++;
    this.ids[at] = Number(groups.keyId);
    this.ids[at + 1] = Number(groups.valueId);
    this.ids[at + 2] = Number(groups.tableId);
    return (this.slots[nameIndex] = this.parsedCount);
  }
}
