import { HeapdeckError } from '../../shared/contract/errors';
import type { TrendClassRow, TrendPathRow, TrendReport } from '../../shared/model/comparisons';
import { checkIds } from './idCheck';
import type { OpenSnapshots } from './openSnapshots';

export const MIN_TREND_SNAPSHOTS = 3;
const MAX_CLASS_ROWS = 1000;
const MAX_PATH_ROWS = 100;
// Whose paths are followed: the classes that grew the most overall.
const MAX_PATH_CLASSES = 20;
/**
 * Growth smaller than this is noise (V8 and Node allocate a little between any two snapshots):
 * a class grew overall when its count grew by more than 1 % and 10 objects, or its retained size
 * by more than 1 % and 16 KB.
 */
const NOISE_SHARE = 0.01;
const NOISE_COUNT = 10;
const NOISE_BYTES = 16 * 1024;

/**
 * Classes and retaining paths across N ≥ 3 open snapshots, oldest first. Classes match by name.
 * Paths: in each snapshot the objects of the (up to 20) classes whose count grew the most overall
 * (by retained growth) are grouped by retaining-path pattern (after the leak candidates' noise filters; estimated from a
 * sample beyond 100 000 objects); the last snapshot's 100 biggest patterns are reported with
 * their count in every snapshot (0 where a snapshot's 500 biggest do not include the pattern).
 */
export async function snapshotTrend(snapshots: OpenSnapshots, snapshotIds: string[]): Promise<TrendReport> {
  if (snapshotIds.length < MIN_TREND_SNAPSHOTS) {
    throw new HeapdeckError('INVALID_ARGUMENT', `A trend needs at least ${MIN_TREND_SNAPSHOTS} snapshots (got ${snapshotIds.length}).`);
  }
  if (new Set(snapshotIds).size !== snapshotIds.length) throw new HeapdeckError('INVALID_ARGUMENT', 'A trend cannot list a snapshot twice.');
  const [totals, checks] = await Promise.all([
    Promise.all(snapshotIds.map((snapshotId) => snapshots.call(snapshotId, 'classTotals', {}))),
    Promise.all(snapshotIds.slice(1).map((snapshotId, k) => checkIds(snapshots, snapshotIds[k]!, snapshotId))),
  ]);
  const warnings = checks.flatMap((check, k) => (check.warning ? [`Between snapshots ${k + 1} and ${k + 2}: ${check.warning}`] : []));
  const classes = classRows(totals);
  // By count: a holder whose retained size grows with what it holds (the global object) has no new instances to follow.
  const grown = classes.filter((row) => beyondNoise(row.counts, NOISE_COUNT)).slice(0, MAX_PATH_CLASSES).map((row) => row.name);
  const paths = grown.length ? pathRows(await Promise.all(snapshotIds.map((snapshotId) => snapshots.call(snapshotId, 'pathCounts', { classNames: grown })))) : [];
  return { snapshotIds, totalBytes: totals.map((total) => total.totalBytes), classes: classes.slice(0, MAX_CLASS_ROWS), paths, warnings };
}

type Totals = { names: string[]; counts: Float64Array; shallowBytes: Float64Array; retainedBytes: Float64Array };

function classRows(series: Totals[]): TrendClassRow[] {
  const rows = new Map<string, TrendClassRow>();
  const length = series.length;
  series.forEach((totals, at) => {
    totals.names.forEach((name, k) => {
      let row = rows.get(name);
      if (!row) {
        row = { name, counts: new Array(length).fill(0), shallowBytes: new Array(length).fill(0), retainedBytes: new Array(length).fill(0), grewEveryTime: false, grewOverall: false };
        rows.set(name, row);
      }
      row.counts[at] = totals.counts[k]!;
      row.shallowBytes[at] = totals.shallowBytes[k]!;
      row.retainedBytes[at] = totals.retainedBytes[k]!;
    });
  });
  const growth = (row: TrendClassRow) => row.retainedBytes[length - 1]! - row.retainedBytes[0]!;
  const result = [...rows.values()].map((row) => ({
    ...row,
    grewEveryTime: risesEveryTime(row.counts) && risesEveryTime(row.retainedBytes),
    grewOverall: beyondNoise(row.counts, NOISE_COUNT) || beyondNoise(row.retainedBytes, NOISE_BYTES),
  }));
  return result.sort((a, b) => Number(b.grewOverall) - Number(a.grewOverall) || growth(b) - growth(a) || a.name.localeCompare(b.name));
}

function pathRows(series: { patterns: string[]; counts: number[]; retainedBytes: number[] }[]): TrendPathRow[] {
  const lookups = series.map((counts) => new Map(counts.patterns.map((pattern, k) => [pattern, k])));
  const last = series[series.length - 1]!;
  return last.patterns.slice(0, MAX_PATH_ROWS).map((pattern) => {
    const counts = series.map((counts, at) => counts.counts[lookups[at]!.get(pattern) ?? -1] ?? 0);
    return {
      pattern,
      counts,
      retainedBytes: series.map((counts, at) => counts.retainedBytes[lookups[at]!.get(pattern) ?? -1] ?? 0),
      grewEveryTime: risesEveryTime(counts),
    };
  });
}

function risesEveryTime(values: ArrayLike<number>): boolean {
  for (let k = 1; k < values.length; k++) if (!(values[k]! > values[k - 1]!)) return false;
  return true;
}

function beyondNoise(values: ArrayLike<number>, floor: number): boolean {
  const first = values[0]!;
  return values[values.length - 1]! - first > Math.max(floor, first * NOISE_SHARE);
}
