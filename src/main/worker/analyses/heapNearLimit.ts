import type { Finding } from '../../../shared/model/findings';
import type { MemorySample } from '../../../shared/model/metrics';

/**
 * The heap at snapshot time close to V8's limit (`heap_size_limit`), past which the process
 * dies with "JavaScript heap out of memory". A snapshot file does not record the limit, so this
 * applies only to snapshots taken during a watch, with the session's sample nearest the capture
 * (`sample`); without a sample that has a limit it does not apply and gives nothing. "Near" is
 * the warning share of the alert settings, so findings and live alerts agree.
 */
export function heapNearLimit(snapshotId: string, sample: Pick<MemorySample, 'heapUsedBytes' | 'heapLimitBytes' | 'timestampMs'> | undefined, share: number): Finding | undefined {
  const limit = sample?.heapLimitBytes;
  if (!sample || !limit) return undefined;
  const used = sample.heapUsedBytes;
  if (used < share * limit) return undefined;
  const percent = Math.round((used / limit) * 100);
  return {
    kind: 'heap-near-limit',
    title: `The heap was at ${percent} % of its limit when this snapshot was taken`,
    bytesAtStake: used,
    suggestion:
      'Find what fills the heap (the other findings, the biggest retainers) before it reaches the limit; raising --max-old-space-size only buys time if memory keeps growing.',
    snapshotId,
    evidence: {
      figures: { 'heap used bytes': used, 'heap limit bytes': limit, 'percent of limit': percent, 'sample time ms': sample.timestampMs },
    },
  };
}
