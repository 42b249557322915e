import type { GcEvent } from '../../../../shared/model/metrics';
import type { TimeDomain } from './timeAxis';

/** About one dot's width across a panel: more dots than this overlap on screen anyway. */
export const GC_LANE_BUCKETS = 200;

/**
 * The GC events worth a dot: within each time bucket, the longest pause of each kind, plus
 * every forced GC. A busy service collects many times a second; drawing each collection
 * would cost one SVG element apiece for dots nobody can tell apart.
 */
export function thinGcEvents(events: readonly GcEvent[], domain: TimeDomain, buckets = GC_LANE_BUCKETS): GcEvent[] {
  const [start, end] = domain;
  const width = Math.max(1, end - start) / buckets;
  const longest = new Map<string, GcEvent>();
  const kept: GcEvent[] = [];
  for (const gc of events) {
    if (gc.timestampMs < start || gc.timestampMs > end) continue;
    if (gc.forced) {
      kept.push(gc);
      continue;
    }
    const bucket = Math.min(buckets - 1, Math.floor((gc.timestampMs - start) / width));
    const key = `${bucket}:${gc.kind}`;
    const current = longest.get(key);
    if (!current || gc.durationMs > current.durationMs) longest.set(key, gc);
  }
  return [...kept, ...longest.values()].sort((a, b) => a.timestampMs - b.timestampMs);
}
