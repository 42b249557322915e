interface OverlaySeries {
  watchId: string;
  samples: readonly { timestampMs: number; heapUsedBytes: number }[];
}

export interface OverlayRow {
  timestampMs: number;
  /** Heap used per watch id, for the watches that sampled within this row's time bucket. */
  heapUsedBytes: Record<string, number>;
}

/**
 * Puts several watches on one time axis. Watches sample at their own instants, so samples
 * are gathered into shared time buckets (at least 1 s, at most `maxRows` buckets) and a
 * tooltip can show every watch at one moment; the last sample of a bucket wins.
 */
export function overlayRows(series: readonly OverlaySeries[], maxRows: number): OverlayRow[] {
  let first = Infinity;
  let last = -Infinity;
  for (const { samples } of series) {
    const head = samples[0];
    const tail = samples[samples.length - 1];
    if (head) first = Math.min(first, head.timestampMs);
    if (tail) last = Math.max(last, tail.timestampMs);
  }
  if (first > last) return [];
  const bucketMs = Math.max(1000, Math.ceil((last - first + 1) / Math.max(1, maxRows)));

  const rows = new Map<number, OverlayRow>();
  for (const { watchId, samples } of series) {
    for (const sample of samples) {
      const bucket = Math.floor(sample.timestampMs / bucketMs) * bucketMs;
      let row = rows.get(bucket);
      if (!row) {
        row = { timestampMs: bucket, heapUsedBytes: {} };
        rows.set(bucket, row);
      }
      row.heapUsedBytes[watchId] = sample.heapUsedBytes;
    }
  }
  return [...rows.values()].sort((a, b) => a.timestampMs - b.timestampMs);
}
