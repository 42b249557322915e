import type { Finding } from '../../../shared/model/findings';
import type { ObjectMeasure, SeriesAnalysis, SnapshotContext } from './analysis';

/** Fewer snapshots than this say nothing about "growing every time": one step is not a trend. */
export const MIN_SERIES_LENGTH = 3;

/**
 * In one snapshot's worker: without `ids`, the objects of the last snapshot worth following
 * (holding at least `minFinalCount`); with `ids`, the same objects in an earlier snapshot
 * (null where an id is not there, or no longer that kind of object).
 */
export function measureObjects(analysis: SeriesAnalysis, snapshot: SnapshotContext, ids?: number[]): (ObjectMeasure | null)[] {
  if (ids) {
    return ids.map((id) => {
      const ordinal = snapshot.ordinalOf(id);
      return (ordinal === undefined ? undefined : analysis.measure(snapshot, ordinal)) ?? null;
    });
  }
  const found: ObjectMeasure[] = [];
  for (let ordinal = 0; ordinal < snapshot.analysis.graph.nodeCount; ordinal++) {
    const measure = analysis.measure(snapshot, ordinal);
    if (measure && measure.count >= analysis.minFinalCount) found.push(measure);
  }
  return found;
}

/** One followed object that grew: its counts oldest first, and its measure in the last snapshot. */
export interface GrowingObject {
  last: ObjectMeasure;
  counts: number[];
}

/**
 * In main: the objects whose count rose between every two consecutive snapshots AND by at least
 * `minGrowth` from first to last. Both tests together keep a healthy app quiet: a bounded cache or
 * a pool rises and falls (or stays flat) between snapshots, and the few entries V8 and Node add to
 * their own lists now and then stay far below `minGrowth`. An object missing from an earlier
 * snapshot was allocated after it and counts 0 there. Biggest retained size first.
 */
export function growingObjects(analysis: SeriesAnalysis, lastMeasures: ObjectMeasure[], earlier: (ObjectMeasure | null)[][]): GrowingObject[] {
  if (earlier.length + 1 < MIN_SERIES_LENGTH) return [];
  const growing: GrowingObject[] = [];
  lastMeasures.forEach((last, k) => {
    const counts = [...earlier.map((measures) => measures[k]?.count ?? 0), last.count];
    const everyStep = counts.every((count, step) => step === 0 || count > counts[step - 1]!);
    if (everyStep && last.count - counts[0]! >= analysis.minGrowth) growing.push({ last, counts });
  });
  return growing.sort((a, b) => b.last.retainedBytes - a.last.retainedBytes);
}

/** The figures and chart every growth finding shows. */
export function growthEvidence(countLabel: string, { last, counts }: GrowingObject): Pick<Finding['evidence'], 'figures' | 'series'> {
  const growth = counts[counts.length - 1]! - counts[0]!;
  return {
    figures: {
      [countLabel]: last.count,
      [`${countLabel} in the first snapshot`]: counts[0]!,
      [`growth per snapshot (${countLabel})`]: Math.round(growth / (counts.length - 1)),
      'retained bytes': last.retainedBytes,
    },
    series: { label: countLabel, values: counts },
  };
}
