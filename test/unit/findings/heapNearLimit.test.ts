import { describe, expect, it } from 'vitest';
import { heapNearLimit } from '../../../src/main/worker/analyses/heapNearLimit';

describe('heap near its limit', () => {
  const sample = { heapUsedBytes: 900, heapLimitBytes: 1000, timestampMs: 5 };

  it('reports the heap used against the limit at or above the share', () => {
    expect(heapNearLimit('s', sample, 0.85)).toMatchObject({
      kind: 'heap-near-limit',
      snapshotId: 's',
      bytesAtStake: 900,
      evidence: { figures: { 'heap used bytes': 900, 'heap limit bytes': 1000, 'percent of limit': 90, 'sample time ms': 5 } },
    });
    expect(heapNearLimit('s', sample, 0.95)).toBeUndefined();
  });

  it('does not apply without a sample or without a limit', () => {
    expect(heapNearLimit('s', undefined, 0.5)).toBeUndefined();
    expect(heapNearLimit('s', { heapUsedBytes: 900, timestampMs: 5 }, 0.5)).toBeUndefined();
  });
});
