import { describe, expect, it } from 'vitest';
import { duplicateStringWaste } from '../../../src/main/worker/analyses/duplicateStringWaste';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

/** `copies` strings of one value, each 600 000 bytes, held by Holder objects' `label`, plus one unique string. */
function heapWith(copies: number) {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  b.edge(b.root, global, 'shortcut', 'global');
  for (let k = 0; k < copies; k++) {
    const holder = b.node({ name: 'Holder', selfSize: 20 });
    b.edge(global, holder, 'property', `h${k}`).edge(holder, b.node({ type: 'string', name: 'same value', selfSize: 600_000 }), 'property', 'label');
  }
  b.edge(global, b.node({ type: 'string', name: 'unique value', selfSize: 900_000 }), 'property', 'unique');
  return analysisContextOf(b);
}

describe('duplicated strings', () => {
  it('reports the bytes all copies but one waste, the top values and who holds them', async () => {
    const [finding, ...others] = duplicateStringWaste.find(await heapWith(3));
    expect(others).toEqual([]);
    expect(finding!.bytesAtStake).toBe(2 * 600_000);
    expect(finding!.evidence.figures).toEqual({
      'wasted bytes': 1_200_000,
      'duplicated values': 1,
      'duplicate copies': 3,
      'copies of the top value': 3,
      'wasted by the top value': 1_200_000,
    });
    expect(finding!.evidence.samples).toEqual(['3 × "same value" (1.1 MB wasted)', 'held by Holder.label: 3 copies']);
    expect(finding!.evidence.path?.[0]).toMatchObject({ edgeName: 'label', holder: { className: 'Holder' } });
  });

  it('stays quiet below 1 MiB wasted', async () => {
    expect(duplicateStringWaste.find(await heapWith(2))).toEqual([]);
  });
});
