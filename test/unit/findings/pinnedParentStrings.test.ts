import { describe, expect, it } from 'vitest';
import { pinnedParentStrings } from '../../../src/main/worker/analyses/pinnedParentStrings';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

/** Two slices of a 100 000-byte string; with `alsoHeld`, a property holds the string too. */
function heapWith(alsoHeld: boolean, parentBytes = 100_000) {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  const parent = b.node({ type: 'string', name: 'a very long text', selfSize: parentBytes });
  b.edge(b.root, global, 'shortcut', 'global');
  for (const name of ['header', 'footer']) {
    const slice = b.node({ type: 'sliced string', name: '(sliced string)', selfSize: 32 });
    b.edge(global, slice, 'property', name).edge(slice, parent, 'internal', 'parent');
  }
  if (alsoHeld) b.edge(global, parent, 'property', 'text');
  return analysisContextOf(b);
}

describe('strings pinned by their slices', () => {
  it('reports a large parent that only slices hold, with the sizes on both sides', async () => {
    const [finding, ...others] = pinnedParentStrings.find(await heapWith(false));
    expect(others).toEqual([]);
    expect(finding!.bytesAtStake).toBe(100_000);
    expect(finding!.evidence.figures).toEqual({ 'parent string bytes': 100_000, slices: 2, 'slice bytes': 64, 'parent bytes per slice byte': 1563 });
    expect(finding!.evidence.samples).toEqual(['parent: "a very long text"…']);
    expect(finding!.evidence.path?.[0]).toMatchObject({ edgeName: 'header' });
  });

  it('leaves alone a parent something else holds, and a parent below 64 KiB', async () => {
    expect(pinnedParentStrings.find(await heapWith(true))).toEqual([]);
    expect(pinnedParentStrings.find(await heapWith(false, 60_000))).toEqual([]);
  });
});
