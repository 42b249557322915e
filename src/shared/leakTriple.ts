/**
 * Which three of a series (oldest first, at least 3) MemLab's leak test uses: the first as the
 * baseline, the middle one as the target (objects still alive there after the baseline), the last
 * as the final snapshot they must survive into.
 */
export function leakTriple<T>(series: readonly T[]): { baseline: T; target: T; final: T } {
  if (series.length < 3) throw new RangeError('A leak test needs three snapshots or more.');
  const middle = Math.max(1, Math.floor((series.length - 1) / 2));
  return { baseline: series[0] as T, target: series[middle] as T, final: series[series.length - 1] as T };
}
