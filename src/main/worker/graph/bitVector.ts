/** A fixed-size set of small integers, one bit each. */
export class BitVector {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  get(index: number): boolean {
    return (this.words[index >>> 5]! & (1 << (index & 31))) !== 0;
  }

  set(index: number): void {
    this.words[index >>> 5]! |= 1 << (index & 31);
  }
}
