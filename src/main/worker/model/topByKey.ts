export interface TopOptions {
  /** The last `count` items of the order instead of the first (still in that order). */
  fromEnd?: boolean;
  /**
   * Visit the items last to first (default: when `fromEnd`). Only speed depends on it: the pass
   * is quickest when the items kept come early, and slowest (each one sifted into the heap)
   * when every item beats the ones before, as ids in snapshot order do for the biggest ids.
   */
  backward?: boolean;
}

/**
 * The first `count` items of the order `sortByKey(items, keyOf, descending)` gives (ties in
 * input order), or the last ones, without ordering the rest: one pass keeps the best `count`
 * seen in a bounded heap, so the first or last page of a class of millions costs a scan
 * instead of a full sort.
 */
export function topByKey(items: Uint32Array, keyOf: (item: number) => number, descending: boolean, count: number, options: TopOptions = {}): Uint32Array {
  const { fromEnd = false, backward = fromEnd } = options;
  // `before(a, b)`: position a comes first in the sorted order. From the end, the best kept are
  // the ones that come last, so the heap ranks by the reverse order.
  const sign = descending ? -1 : 1;
  const keep = Math.min(count, items.length);
  const heap = new BoundedHeap(keep, fromEnd ? -sign : sign, fromEnd);
  // By default visited so that among equal keys the ones kept come first: a heap full of ties
  // then turns the rest away at the root (millions of equal small strings).
  if (backward) for (let position = items.length - 1; position >= 0; position--) heap.offer(position, keyOf(items[position]!));
  else for (let position = 0; position < items.length; position++) heap.offer(position, keyOf(items[position]!));
  const kept = heap.positionsInOrder(sign);
  return Uint32Array.from(kept, (position) => items[position]!);
}

/**
 * Positions with their keys; the root is the worst kept (the one that would go first when a
 * better one comes). Order: by `sign * key` ascending, ties by position (descending when
 * `laterFirst`).
 */
class BoundedHeap {
  private readonly positions: Uint32Array;
  private readonly keys: Float64Array;
  private size = 0;

  constructor(
    private readonly capacity: number,
    private readonly sign: number,
    private readonly laterFirst: boolean,
  ) {
    this.positions = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  /** Whether (position a, key a) ranks after (b, key b), i.e. is worse. */
  private worse(a: number, keyA: number, b: number, keyB: number): boolean {
    if (keyA !== keyB) return this.sign * keyA > this.sign * keyB;
    return this.laterFirst ? a < b : a > b;
  }

  offer(position: number, key: number): void {
    const { positions, keys } = this;
    if (this.size < this.capacity) {
      let at = this.size++;
      // Sift up: the worst stays at the root.
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(position, key, positions[parent]!, keys[parent]!)) break;
        positions[at] = positions[parent]!;
        keys[at] = keys[parent]!;
        at = parent;
      }
      positions[at] = position;
      keys[at] = key;
      return;
    }
    if (this.capacity === 0 || this.worse(position, key, positions[0]!, keys[0]!)) return;
    // Replace the root and sift down.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(positions[right]!, keys[right]!, positions[left]!, keys[left]!) ? right : left;
      if (!this.worse(positions[child]!, keys[child]!, position, key)) break;
      positions[at] = positions[child]!;
      keys[at] = keys[child]!;
      at = child;
    }
    positions[at] = position;
    keys[at] = key;
  }

  /** The kept positions in the sorted order: by `sign * key`, ties by position. */
  positionsInOrder(sign: number): number[] {
    const order = Array.from({ length: this.size }, (_, k) => k);
    order.sort((a, b) => sign * (this.keys[a]! - this.keys[b]!) || this.positions[a]! - this.positions[b]!);
    return order.map((k) => this.positions[k]!);
  }
}
