import { describe, expect, it } from 'vitest';
import { dominantObject } from '../../../src/main/worker/analyses/dominantObject';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

// global → Store.rows (3 000 000 bytes under an array); global → Side (1 100 000); other small objects.
function heap() {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 100_000 });
  const store = b.node({ name: 'Store', selfSize: 100 });
  const rows = b.node({ name: 'Array', selfSize: 32 });
  const elements = b.node({ type: 'array', name: '(object elements)', selfSize: 2_999_968 });
  const side = b.node({ name: 'Side', selfSize: 1_100_000 });
  b.edge(b.root, global, 'shortcut', 'global').edge(global, store, 'property', 'store').edge(store, rows, 'property', 'rows');
  b.edge(rows, elements, 'internal', 'elements').edge(global, side, 'property', 'side');
  return analysisContextOf(b);
}

describe('a dominant object', () => {
  it('reports the deepest nameable object of each chain above the share, not its owners, globals or internal arrays', async () => {
    const context = await heap();
    const total = context.analysis.totalSizeBytes;
    expect(total).toBe(100_000 + 100 + 3_000_000 + 1_100_000);
    const findings = dominantObject().find(context);
    expect(findings.map((finding) => [finding.evidence.object?.className, finding.bytesAtStake])).toEqual([
      ['Array', 3_000_000],
      ['Side', 1_100_000],
    ]);
    expect(findings[0]!.evidence.figures).toEqual({ 'retained bytes': 3_000_000, 'heap bytes': total, 'percent of heap': 71 });
    expect(findings[0]!.evidence.path?.[0]).toMatchObject({ edgeName: 'rows', holder: { className: 'Store' } });
    expect(findings[0]!.title).toBe('One Array (Store.rows) retains 71 % of the heap (2.9 MB)');
  });

  it('takes the share as a setting', async () => {
    expect(dominantObject(0.5).find(await heap()).map((finding) => finding.evidence.object?.className)).toEqual(['Array']);
  });
});
