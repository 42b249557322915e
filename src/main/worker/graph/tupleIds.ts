const EMPTY = -1;

/**
 * Dense ids for tuples of four unsigned 32-bit integers, in an open-addressing hash table
 * over typed arrays: millions of lookups without a Map entry or a string key per lookup.
 */
export class TupleIds {
  private keys: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  private used = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity * 4);
    this.ids = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The tuple's id; a new tuple gets the next id (0, 1, 2, ...). */
  idOf(a: number, b: number, c: number, d: number): number {
    let slot = this.hash(a, b, c, d) & this.mask;
    for (;;) {
      const id = this.ids[slot]!;
      if (id === EMPTY) break;
      const at = slot * 4;
      const keys = this.keys;
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c && keys[at + 3] === d) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.used++;
    this.store(slot, a, b, c, d, id);
    if (this.used * 2 > this.ids.length) this.grow();
    return id;
  }

  private hash(a: number, b: number, c: number, d: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  private store(slot: number, a: number, b: number, c: number, d: number, id: number): void {
    const at = slot * 4;
    this.keys[at] = a;
    this.keys[at + 1] = b;
    this.keys[at + 2] = c;
    this.keys[at + 3] = d;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    const capacity = ids.length * 2;
    this.keys = new Uint32Array(capacity * 4);
    this.ids = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let slot = 0; slot < ids.length; slot++) {
      const id = ids[slot]!;
      if (id === EMPTY) continue;
      const at = slot * 4;
      const a = keys[at]!, b = keys[at + 1]!, c = keys[at + 2]!, d = keys[at + 3]!;
      let target = this.hash(a, b, c, d) & this.mask;
      while (this.ids[target] !== EMPTY) target = (target + 1) & this.mask;
      this.store(target, a, b, c, d, id);
    }
  }
}
