import type { NumberSink } from './numberArrayScanner';

/**
 * Holds a numeric section that came before the `snapshot` header (legal JSON, never seen from
 * V8) until the header says how to read it. Costs 8 bytes per number, so only for that case.
 */
export class BufferedNumbers implements NumberSink {
  readonly recordSize = 1;
  private values = new Float64Array(64 * 1024);
  private count = 0;

  accept(batch: Float64Array, count: number): void {
    if (this.count + count > this.values.length) {
      const bigger = new Float64Array(Math.max(this.values.length * 2, this.count + count));
      bigger.set(this.values.subarray(0, this.count));
      this.values = bigger;
    }
    this.values.set(batch.subarray(0, count), this.count);
    this.count += count;
  }

  replayInto(sink: NumberSink): void {
    sink.accept(this.values, this.count);
  }
}
