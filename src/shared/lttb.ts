/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the points that carry
 * a line chart's shape — peaks and troughs survive where plain striding would drop them.
 *
 * Returns at most `maxPoints` of the original points, in order, always with the first and the
 * last. Points must be sorted by `x`. With `maxPoints` at or above the length, all are kept.
 */
export function lttb<T>(points: readonly T[], maxPoints: number, x: (point: T) => number, y: (point: T) => number): T[] {
  const count = points.length;
  const target = Math.floor(maxPoints);
  if (target >= count) return points.slice();
  if (target <= 0) return [];
  if (target === 1) return [at(points, 0)];
  if (target === 2) return [at(points, 0), at(points, count - 1)];

  // The first and last points are fixed; the rest are split into target - 2 equal buckets.
  const bucketSize = (count - 2) / (target - 2);
  const kept: T[] = [at(points, 0)];
  let previous = at(points, 0);

  for (let bucket = 0; bucket < target - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;

    // The third corner of each triangle is the average of the next bucket (the last point for
    // the last bucket), so the choice looks one bucket ahead instead of only behind.
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, count);
    let sumX = 0;
    let sumY = 0;
    for (let i = end; i < nextEnd; i++) {
      sumX += x(at(points, i));
      sumY += y(at(points, i));
    }
    const nextCount = Math.max(nextEnd - end, 1);
    const averageX = sumX / nextCount;
    const averageY = sumY / nextCount;

    const previousX = x(previous);
    const previousY = y(previous);
    let best = at(points, start);
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const candidate = at(points, i);
      // Twice the triangle's area; the factor does not change which point wins.
      const area = Math.abs(
        (previousX - averageX) * (y(candidate) - previousY) - (previousX - x(candidate)) * (averageY - previousY),
      );
      if (area > bestArea) {
        bestArea = area;
        best = candidate;
      }
    }
    kept.push(best);
    previous = best;
  }

  kept.push(at(points, count - 1));
  return kept;
}

function at<T>(points: readonly T[], index: number): T {
  return points[index] as T;
}
