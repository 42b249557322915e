/**
 * A growable first-in first-out queue of unsigned 32-bit integers (node ordinals) in a ring, so
 * a breadth-first search holds only its frontier, not an entry for every node it ever visited.
 */
export class UintQueue {
  private items: Uint32Array;
  private mask: number;
  private head = 0;
  length = 0;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity) size *= 2;
    this.items = new Uint32Array(size);
    this.mask = size - 1;
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length++) & this.mask] = value;
  }

  shift(): number {
    const value = this.items[this.head]!;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return value;
  }

  private grow(): void {
    const bigger = new Uint32Array(this.items.length * 2);
    const tail = this.items.subarray(this.head);
    bigger.set(tail);
    bigger.set(this.items.subarray(0, this.head), tail.length);
    this.items = bigger;
    this.mask = bigger.length - 1;
    this.head = 0;
  }
}
