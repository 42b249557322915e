/** Receives the numbers of a section as whole records, each record where it belongs. */
export interface RecordSink {
  readonly recordSize: number;
  /**
   * Stores `records` whole records read from `values[from..]`, the first being record
   * `firstRecord` of the section. Sinks that a helper thread shares may be called for any part
   * of the section, in any order; the others are called in order.
   */
  store(values: Float64Array, from: number, records: number, firstRecord: number): void;
}
