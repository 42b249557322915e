interface Timed {
  timestampMs: number;
}

/**
 * Joins history fetched from Heapdeck with items that arrived live meanwhile: oldest first,
 * each item once. Two items are the same when their keys match (samples: their time).
 */
export function mergeByTime<T extends Timed>(a: readonly T[], b: readonly T[], key: (item: T) => string): T[] {
  const merged = [...a, ...b].sort((x, y) => x.timestampMs - y.timestampMs);
  const seen = new Set<string>();
  return merged.filter((item) => {
    const itemKey = key(item);
    if (seen.has(itemKey)) return false;
    seen.add(itemKey);
    return true;
  });
}

export const sampleKey = (sample: Timed): string => String(sample.timestampMs);
export const gcKey = (gc: Timed & { kind: string }): string => `${gc.timestampMs}:${gc.kind}`;
export const alertKey = (alert: Timed & { kind: string }): string => `${alert.timestampMs}:${alert.kind}`;
