const KIB = 1024;
// Multiples of a unit that make round labels; 1024 is "1" of the next unit.
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1024];

/**
 * Round ticks for a bytes axis (0, 20 MB, 40 MB … rather than 19.1 MB steps): 1-2-5 steps of
 * KB, MB or GB, from 0 to the first tick at or above `maxBytes`, about `tickCount` of them.
 */
export function byteAxisTicks(maxBytes: number, tickCount = 5): number[] {
  if (!(maxBytes > 0) || !Number.isFinite(maxBytes)) return [0, KIB * KIB];
  const roughStep = maxBytes / Math.max(1, tickCount - 1);
  const unit = KIB ** Math.max(0, Math.floor(Math.log(roughStep) / Math.log(KIB)));
  const multiple = STEPS.find((step) => step * unit >= roughStep) ?? STEPS[STEPS.length - 1]!;
  const step = multiple * unit;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < maxBytes) ticks.push(ticks.length * step);
  return ticks;
}

/** The largest value of the given fields over all rows, for sizing an axis. */
export function maxOf<T>(rows: readonly T[], values: (row: T) => readonly (number | undefined)[]): number {
  let max = 0;
  for (const row of rows) for (const value of values(row)) if (value !== undefined && value > max) max = value;
  return max;
}
