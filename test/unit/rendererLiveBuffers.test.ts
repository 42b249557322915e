import { describe, expect, it } from 'vitest';
import { byteAxisTicks } from '../../src/renderer/features/timeline/charts/byteTicks';
import { OTHER_SPACES, spaceRows } from '../../src/renderer/features/timeline/charts/spaceRows';
import { gcKey, mergeByTime, sampleKey } from '../../src/renderer/features/timeline/mergeByTime';
import { overlayRows } from '../../src/renderer/features/timeline/overlayRows';
import { RingBuffer } from '../../src/renderer/features/timeline/ringBuffer';

describe('RingBuffer', () => {
  it('keeps the newest items, oldest first, and counts what it dropped', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) buffer.push(i);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.length).toBe(3);
    expect(buffer.droppedCount).toBe(2);
    buffer.push(6);
    expect(buffer.toArray()).toEqual([4, 5, 6]);
  });

  it('replaces its contents keeping only the newest that fit', () => {
    const buffer = new RingBuffer<number>(2);
    buffer.push(9);
    buffer.replace([1, 2, 3, 4]);
    expect(buffer.toArray()).toEqual([3, 4]);
    expect(buffer.droppedCount).toBe(2);
    buffer.push(5);
    expect(buffer.toArray()).toEqual([4, 5]);
  });

  it('refuses a capacity that cannot hold anything', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('mergeByTime', () => {
  it('joins fetched history with live items once each, in time order', () => {
    const history = [{ timestampMs: 1 }, { timestampMs: 3 }, { timestampMs: 5 }];
    const live = [{ timestampMs: 5 }, { timestampMs: 6 }, { timestampMs: 4 }];
    expect(mergeByTime(history, live, sampleKey).map((item) => item.timestampMs)).toEqual([1, 3, 4, 5, 6]);
  });

  it('keeps two GCs of different kinds at the same instant', () => {
    const merged = mergeByTime([{ timestampMs: 1, kind: 'minor' }], [{ timestampMs: 1, kind: 'major' }, { timestampMs: 1, kind: 'minor' }], gcKey);
    expect(merged.map((gc) => gc.kind)).toEqual(['minor', 'major']);
  });
});

describe('overlayRows', () => {
  it('puts watches sampled at different instants into shared one-second rows', () => {
    const rows = overlayRows(
      [
        { watchId: 'a', samples: [{ timestampMs: 10_100, heapUsedBytes: 1 }, { timestampMs: 11_100, heapUsedBytes: 2 }] },
        { watchId: 'b', samples: [{ timestampMs: 10_600, heapUsedBytes: 7 }] },
      ],
      600,
    );
    expect(rows).toEqual([
      { timestampMs: 10_000, heapUsedBytes: { a: 1, b: 7 } },
      { timestampMs: 11_000, heapUsedBytes: { a: 2 } },
    ]);
  });

  it('widens the buckets so an hour never gives more rows than asked', () => {
    const samples = Array.from({ length: 3600 }, (_, i) => ({ timestampMs: i * 1000, heapUsedBytes: i }));
    const rows = overlayRows([{ watchId: 'a', samples }], 600);
    expect(rows.length).toBeLessThanOrEqual(600);
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.at(-1)?.heapUsedBytes.a).toBe(3599);
  });

  it('has no rows without samples', () => {
    expect(overlayRows([{ watchId: 'a', samples: [] }], 600)).toEqual([]);
  });
});

describe('byteAxisTicks', () => {
  const MB = 1024 * 1024;

  it('steps in round megabytes up to the first tick above the maximum', () => {
    expect(byteAxisTicks(76 * MB)).toEqual([0, 20, 40, 60, 80].map((mb) => mb * MB));
    expect(byteAxisTicks(9 * MB)).toEqual([0, 5, 10].map((mb) => mb * MB));
  });

  it('switches to gigabytes and kilobytes where megabytes would be awkward', () => {
    expect(byteAxisTicks(3.5 * 1024 * MB)).toEqual([0, 1, 2, 3, 4].map((gb) => gb * 1024 * MB));
    expect(byteAxisTicks(300 * 1024)).toEqual([0, 100, 200, 300].map((kb) => kb * 1024));
  });

  it('still gives an axis when there is nothing to draw', () => {
    expect(byteAxisTicks(0)).toEqual([0, MB]);
  });
});

describe('spaceRows', () => {
  const sample = (timestampMs: number, spaces: [string, number][]) => ({
    watchId: 'w',
    timestampMs,
    heapUsedBytes: 0,
    heapTotalBytes: 0,
    spaces: spaces.map(([name, usedBytes]) => ({ name, usedBytes, sizeBytes: usedBytes })),
  });

  it('keeps the big spaces, biggest first, and sums the tiny ones', () => {
    const { rows, names, maxTotalBytes } = spaceRows([
      sample(1, [['new_space', 200], ['old_space', 700], ['code_space', 10], ['map_space', 5]]),
      sample(2, [['new_space', 100], ['old_space', 880], ['code_space', 15], ['map_space', 5]]),
    ]);
    expect(names).toEqual(['old_space', 'new_space', OTHER_SPACES]);
    expect(maxTotalBytes).toBe(1000);
    expect(rows[1]).toEqual({ timestampMs: 2, usedBytes: { new_space: 100, old_space: 880, [OTHER_SPACES]: 20 } });
  });
});
