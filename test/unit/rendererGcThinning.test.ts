import { describe, expect, it } from 'vitest';
import type { GcEvent } from '../../src/shared/model/metrics';
import { thinGcEvents } from '../../src/renderer/features/timeline/charts/thinGcEvents';

const gc = (timestampMs: number, durationMs: number, kind: GcEvent['kind'] = 'minor', forced = false): GcEvent => ({
  watchId: 'w', timestampMs, durationMs, kind, forced,
});

describe('thinGcEvents', () => {
  it('keeps at most one dot per kind and bucket: the longest pause', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => gc(i, i % 7));
    const thinned = thinGcEvents(events, [0, 9999], 100);
    expect(thinned.length).toBe(100);
    expect(thinned.every((event) => event.durationMs === 6)).toBe(true);
  });

  it('keeps every forced GC and each kind of a bucket, in time order, and drops what is off screen', () => {
    const events = [gc(5, 1), gc(6, 2, 'major'), gc(7, 3, 'major', true), gc(8, 4, 'major', true), gc(500, 1), gc(2000, 9)];
    const thinned = thinGcEvents(events, [0, 1000], 10);
    expect(thinned.map((event) => event.timestampMs)).toEqual([5, 6, 7, 8, 500]);
  });
});
