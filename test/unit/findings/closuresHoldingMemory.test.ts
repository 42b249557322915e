import { describe, expect, it } from 'vitest';
import { closuresHoldingMemory } from '../../../src/main/worker/analyses/closuresHoldingMemory';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

/** Two closures sharing one scope that captures a 2 MB array; with `alsoHeld`, a global holds the array too. */
function heapWith(alsoHeld: boolean) {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  const context = b.node({ name: 'system / Context', selfSize: 40 });
  const big = b.node({ name: 'Array', selfSize: 2_000_000 });
  b.edge(b.root, global, 'shortcut', 'global');
  for (const name of ['handler', 'unused']) {
    const closure = b.node({ type: 'closure', name, selfSize: 64 });
    b.edge(global, closure, 'property', name).edge(closure, context, 'internal', 'context');
  }
  b.edge(context, big, 'context', 'bigData').edge(context, b.node({ name: 'Small', selfSize: 16 }), 'context', 'small');
  if (alsoHeld) b.edge(global, big, 'property', 'big');
  return analysisContextOf(b);
}

describe('closures holding memory', () => {
  it('reports a large captured variable only the scope keeps, with the closures sharing the scope', async () => {
    const [finding, ...others] = closuresHoldingMemory.find(await heapWith(false));
    expect(others).toEqual([]);
    expect(finding!.bytesAtStake).toBe(2_000_000);
    expect(finding!.evidence.figures).toEqual({ 'retained bytes': 2_000_000, 'closures sharing the scope': 2 });
    expect(finding!.evidence.samples).toEqual(['closure handler', 'closure unused']);
    expect(finding!.evidence.path?.[0]).toMatchObject({ edgeName: 'bigData', edgeType: 'context' });
    expect(finding!.title).toBe('Variable "bigData" (Array, 1.9 MB) is kept alive by a closure\'s scope by handler(), unused()');
  });

  it('leaves alone a captured object something else also holds', async () => {
    expect(closuresHoldingMemory.find(await heapWith(true))).toEqual([]);
  });
});
