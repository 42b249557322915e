import type { StringKey } from './stringHashes';

const EMPTY = -1;

/**
 * The first node seen with each string key: an open-addressing table in typed arrays, sized
 * once for `capacity` keys, so a million concatenated strings cost no per-entry objects.
 */
export class FirstByKey {
  private readonly hashA: Uint32Array;
  private readonly hashB: Uint32Array;
  private readonly firsts: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.hashA = new Uint32Array(slots);
    this.hashB = new Uint32Array(slots);
    this.firsts = new Int32Array(slots).fill(EMPTY);
    this.mask = slots - 1;
  }

  /** The first node recorded under `key`, or undefined after recording `ordinal` as the first. */
  firstOrAdd(key: StringKey, ordinal: number): number | undefined {
    const at = this.find(key);
    if (this.firsts[at] !== EMPTY) return this.firsts[at];
    this.hashA[at] = key.hashA;
    this.hashB[at] = key.hashB;
    this.firsts[at] = ordinal;
    this.size++;
    return undefined;
  }

  get(key: StringKey): number | undefined {
    const first = this.firsts[this.find(key)]!;
    return first === EMPTY ? undefined : first;
  }

  /** The slot holding `key`, or the empty slot where it belongs (linear probing). */
  private find({ hashA, hashB }: StringKey): number {
    let at = (hashA ^ Math.imul(hashB, 0x9e3779b1)) & this.mask;
    while (this.firsts[at] !== EMPTY && (this.hashA[at] !== hashA || this.hashB[at] !== hashB)) at = (at + 1) & this.mask;
    return at;
  }
}
