import { describe, expect, it } from 'vitest';
import { detachedDomTrees } from '../../../src/main/worker/analyses/detachedDomTrees';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

const DETACHED = 2;
const ATTACHED = 1;

describe('detached DOM trees', () => {
  it('groups detached trees by the JS object holding them, skipping the nodes\' wrappers', async () => {
    const b = new SnapshotBuilder();
    const window = b.node({ name: 'Window', selfSize: 10 });
    const rows = b.node({ name: 'Array', selfSize: 32 });
    b.edge(b.root, window, 'shortcut', 'window').edge(window, rows, 'property', 'removedRows');
    for (let k = 0; k < 3; k++) {
      // A wrapper holding its node by an internal reference, as older snapshots write it.
      const wrapper = b.node({ name: 'HTMLDivElement', selfSize: 24 });
      const div = b.node({ type: 'native', name: '<div>', selfSize: 100, detachedness: DETACHED });
      const span = b.node({ type: 'native', name: '<span>', selfSize: 50, detachedness: DETACHED });
      b.edge(rows, wrapper, 'element', k).edge(wrapper, div, 'internal', 'node').edge(div, span, 'internal', 'child');
    }
    const attached = b.node({ type: 'native', name: '<p>', selfSize: 70, detachedness: ATTACHED });
    b.edge(window, attached, 'property', 'paragraph');
    const [finding, ...others] = detachedDomTrees.find(await analysisContextOf(b));
    expect(others).toEqual([]);
    expect(finding!.evidence.figures).toEqual({ 'detached trees': 3, 'detached nodes': 6, 'retained bytes': 3 * 150 });
    expect(finding!.bytesAtStake).toBe(450);
    expect(finding!.evidence.object?.className).toBe('Array');
    expect(finding!.evidence.samples).toEqual(['3 × Detached <div>']);
    expect(finding!.title).toBe('3 detached DOM trees (6 nodes) held by Array (Window.removedRows)');
  });

  it('finds nothing without detached DOM nodes; Node.js embedder objects marked detached are not DOM', async () => {
    const b = new SnapshotBuilder();
    const window = b.node({ name: 'Window', selfSize: 10 });
    b.edge(b.root, window, 'shortcut', 'window').edge(window, b.node({ type: 'native', name: '<p>', selfSize: 70, detachedness: ATTACHED }), 'property', 'p');
    b.edge(window, b.node({ type: 'native', name: 'Node / BindingData', selfSize: 70, detachedness: DETACHED }), 'property', 'binding');
    expect(detachedDomTrees.find(await analysisContextOf(b))).toEqual([]);
  });
});
