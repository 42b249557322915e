import type { MemorySample } from '../../../../shared/model/metrics';

export interface SpaceRow {
  timestampMs: number;
  usedBytes: Record<string, number>;
}

/** The name small spaces are summed under. */
export const OTHER_SPACES = 'other spaces';

/**
 * Rows for the stacked heap-space chart. V8 has about ten spaces, most of them tiny; those
 * that never reach `minShare` of the heap are summed into one band so the legend stays short.
 * Names come biggest first, so the big spaces sit at the bottom of the stack.
 */
export function spaceRows(
  samples: readonly MemorySample[],
  minShare = 0.03,
): { rows: SpaceRow[]; names: string[]; maxTotalBytes: number } {
  const peakBytes = new Map<string, number>();
  let maxTotalBytes = 0;
  for (const sample of samples) {
    let totalBytes = 0;
    for (const space of sample.spaces ?? []) {
      totalBytes += space.usedBytes;
      peakBytes.set(space.name, Math.max(peakBytes.get(space.name) ?? 0, space.usedBytes));
    }
    maxTotalBytes = Math.max(maxTotalBytes, totalBytes);
  }

  const byPeak = [...peakBytes.entries()].sort((a, b) => b[1] - a[1]);
  const major = new Set(byPeak.filter(([, peak]) => peak >= maxTotalBytes * minShare).map(([name]) => name));
  const hasOther = byPeak.some(([name, peak]) => !major.has(name) && peak > 0);

  const rows = samples.map((sample) => {
    const usedBytes: Record<string, number> = {};
    for (const space of sample.spaces ?? []) {
      const name = major.has(space.name) ? space.name : OTHER_SPACES;
      usedBytes[name] = (usedBytes[name] ?? 0) + space.usedBytes;
    }
    return { timestampMs: sample.timestampMs, usedBytes };
  });
  return { rows, names: [...major, ...(hasOther ? [OTHER_SPACES] : [])], maxTotalBytes };
}
