/**
 * A fixed-capacity list that drops its oldest items, so hours of live samples cost the
 * same memory as minutes.
 */
export class RingBuffer<T> {
  private items: T[] = [];
  private start = 0;
  /** How many items were ever dropped to make room. */
  droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    this.droppedCount++;
  }

  /** Oldest first; a new array each time, safe to hand to React. */
  toArray(): T[] {
    return this.start === 0 ? this.items.slice() : [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  /** Replaces the contents, keeping the newest `capacity` items. */
  replace(items: readonly T[]): void {
    const overflow = Math.max(0, items.length - this.capacity);
    this.droppedCount += overflow;
    this.items = items.slice(overflow);
    this.start = 0;
  }
}
