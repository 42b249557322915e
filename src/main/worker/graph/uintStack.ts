/** A growable stack of unsigned 32-bit integers (node ordinals), without per-item objects. */
export class UintStack {
  private items: Uint32Array;
  length = 0;

  /** `initial`: a capacity, or a buffer to start in (it is used, not copied, until it is full). */
  constructor(initial: number | Uint32Array = 1024) {
    this.items = typeof initial === 'number' ? new Uint32Array(initial) : initial;
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Uint32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  pop(): number {
    return this.items[--this.length]!;
  }
}
