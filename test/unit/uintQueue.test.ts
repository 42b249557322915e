import { describe, expect, it } from 'vitest';
import { UintQueue } from '../../src/main/worker/graph/uintQueue';

describe('UintQueue', () => {
  it('gives values back first in, first out while growing around the ring', () => {
    const queue = new UintQueue(16);
    const expected: number[] = [];
    const seen: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the head has moved when the ring fills and grows.
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < round % 7 + 3; k++) {
        queue.push(next);
        expected.push(next++);
      }
      for (let k = 0; k < round % 5 + 1 && queue.length > 0; k++) seen.push(queue.shift());
    }
    while (queue.length > 0) seen.push(queue.shift());
    expect(seen).toEqual(expected);
  });

  it('keeps the full 32-bit range', () => {
    const queue = new UintQueue();
    queue.push(0xffffffff);
    queue.push(0);
    expect([queue.shift(), queue.shift()]).toEqual([0xffffffff, 0]);
  });
});
