import { describe, expect, it } from 'vitest';
import { lttb } from '../../src/shared/lttb';

interface Point {
  t: number;
  v: number;
}

const x = (p: Point) => p.t;
const y = (p: Point) => p.v;
const series = (values: number[]): Point[] => values.map((v, t) => ({ t, v }));

describe('lttb', () => {
  it('keeps every point when they already fit', () => {
    const points = series([1, 5, 2, 8]);
    expect(lttb(points, 4, x, y)).toEqual(points);
    expect(lttb(points, 100, x, y)).toEqual(points);
    expect(lttb([], 10, x, y)).toEqual([]);
  });

  it('returns maxPoints original points in order, first and last included', () => {
    const points = series(Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) * 100 + (i % 7)));
    const kept = lttb(points, 500, x, y);
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe(points[0]);
    expect(kept[kept.length - 1]).toBe(points[points.length - 1]);
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.t).toBeGreaterThan(kept[i - 1]!.t);
    for (const point of kept) expect(points).toContain(point);
  });

  it('keeps a lone spike that striding would drop', () => {
    const values = Array.from({ length: 1000 }, () => 10);
    values[503] = 900;
    values[777] = -400;
    const kept = lttb(series(values), 20, x, y);
    expect(kept.map((p) => p.v)).toContain(900);
    expect(kept.map((p) => p.v)).toContain(-400);
  });

  it('handles tiny budgets', () => {
    const points = series([3, 1, 4, 1, 5]);
    expect(lttb(points, 2, x, y)).toEqual([points[0], points[4]]);
    expect(lttb(points, 1, x, y)).toEqual([points[0]]);
    expect(lttb(points, 0, x, y)).toEqual([]);
    expect(lttb(points, 3, x, y)).toHaveLength(3);
  });
});
