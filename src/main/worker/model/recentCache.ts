/**
 * Keeps the results of the last few distinct requests (least recently used goes first), so
 * paging through one sorted list or flipping between two sorts costs nothing after the first
 * page, while memory stays bounded whatever the user clicks through.
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, if any, without computing one. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** The cached value for `key`, or `compute()`'s, which is then kept. */
  get(key: string, compute: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Re-inserting moves the key to the end: Map iteration order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
