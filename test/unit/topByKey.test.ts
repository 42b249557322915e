import { describe, expect, it } from 'vitest';
import { sortByKey } from '../../src/main/worker/model/sortByKey';
import { topByKey } from '../../src/main/worker/model/topByKey';

/** Deterministic pseudo-random integers in [0, bound). */
function randomInts(count: number, bound: number, seed = 11): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * bound);
  });
}

describe('topByKey', () => {
  it.each([
    ['many ties', 20_000, 50, 1000],
    ['keys near 2^53', 5000, Number.MAX_SAFE_INTEGER, 300],
    ['all keys equal', 3000, 1, 100],
    ['fewer items than asked for', 40, 1000, 100],
    ['none asked for', 100, 1000, 0],
  ])('%s: the head and the tail of the full stable sort, both directions', (_name, count, bound, keep) => {
    const keys = randomInts(count, bound);
    // Items are not their positions, as a class's instances are not: ties go by position.
    const items = Uint32Array.from(keys, (_, position) => (position * 7919) % 1_000_003);
    const keyByItem = new Map(Array.from(items, (item, position) => [item, keys[position]!]));
    for (const descending of [false, true]) {
      const sorted = Array.from(sortByKey(items.slice(), (item) => keyByItem.get(item)!, descending));
      const take = Math.min(keep, count);
      expect(Array.from(topByKey(items, (item) => keyByItem.get(item)!, descending, keep))).toEqual(sorted.slice(0, take));
      // Which way the items are visited changes only the speed.
      for (const backward of [false, true]) {
        expect(Array.from(topByKey(items, (item) => keyByItem.get(item)!, descending, keep, { backward }))).toEqual(sorted.slice(0, take));
        expect(Array.from(topByKey(items, (item) => keyByItem.get(item)!, descending, keep, { fromEnd: true, backward }))).toEqual(sorted.slice(count - take));
      }
    }
  });
});
