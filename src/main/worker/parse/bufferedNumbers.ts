import type { RecordSink } from './recordSink';

/**
 * Holds a numeric section that came before the `snapshot` header (legal JSON, never seen from
 * V8) until the header says how to read it. Costs 8 bytes per number, so only for that case.
 */
export class BufferedNumbers implements RecordSink {
  readonly recordSize = 1;
  private values = new Float64Array(64 * 1024);
  private count = 0;

  store(values: Float64Array, from: number, records: number): void {
    if (this.count + records > this.values.length) {
      const bigger = new Float64Array(Math.max(this.values.length * 2, this.count + records));
      bigger.set(this.values.subarray(0, this.count));
      this.values = bigger;
    }
    this.values.set(values.subarray(from, from + records), this.count);
    this.count += records;
  }

  /** Stores the whole records into `sink` and returns how many numbers there were. */
  replayInto(sink: RecordSink): number {
    sink.store(this.values, 0, Math.floor(this.count / sink.recordSize), 0);
    return this.count;
  }
}
