import { describe, expect, it } from 'vitest';
import { sortByKey } from '../../src/main/worker/model/sortByKey';

/** Deterministic pseudo-random integers in [0, bound). */
function randomInts(count: number, bound: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * bound);
  });
}

/** The order a plain stable comparator sort gives: by key, ties by input position. */
function referenceOrder(keys: number[], descending: boolean): number[] {
  return keys.map((_, item) => item).sort((a, b) => (descending ? keys[b]! - keys[a]! : keys[a]! - keys[b]!) || a - b);
}

describe('sortByKey', () => {
  it.each([
    ['small keys, many ties (radix)', 50_000, 100],
    ['keys above 2^32 (radix, high word)', 20_000, 2 ** 40],
    ['keys near 2^53', 10_000, Number.MAX_SAFE_INTEGER],
    ['few items (comparator path)', 500, 1000],
    ['all keys equal', 5000, 1],
  ])('%s: same order as a stable comparator sort, both directions', (_name, count, bound) => {
    const keys = randomInts(count, bound);
    for (const descending of [false, true]) {
      const items = Uint32Array.from(keys, (_, item) => item);
      sortByKey(items, (item) => keys[item]!, descending);
      expect(Array.from(items)).toEqual(referenceOrder(keys, descending));
    }
  });
});
