import { formatBytes } from '../../../shared/format/bytes';
import type { Finding } from '../../../shared/model/findings';
import { edgeName } from '../model/nodeNames';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { forEachHolder } from './holders';

/** A captured variable retaining less than this is an ordinary closure, not a finding. */
export const MIN_CAPTURED_BYTES = 1024 * 1024;
const MAX_CLOSURE_NAMES = 5;

/**
 * Closures whose scope keeps a large object alive. A closure keeps its scope's context, and the
 * context every variable any closure of that scope uses (V8 shares one context per scope), so a
 * small callback can hold a big array the surrounding function only used once. Flagged per
 * captured variable that retains at least MIN_CAPTURED_BYTES and that only its context holds
 * (its immediate dominator is the context): freeing the closures would free it.
 */
export const closuresHoldingMemory: SnapshotAnalysis = {
  kind: 'closure-holding-memory',
  find(snapshot) {
    const { graph, dominators, retainedSizes } = snapshot.analysis;
    const contextEdge = graph.edgeTypeNames.indexOf('context');
    const findings: Finding[] = [];
    if (contextEdge < 0) return findings;
    const { firstEdges, edgeTypes, edgeTargets } = graph;
    for (let context = 0; context < graph.nodeCount; context++) {
      for (let edge = firstEdges[context]!, end = firstEdges[context + 1]!; edge < end; edge++) {
        if (edgeTypes[edge] !== contextEdge) continue;
        const variable = edgeTargets[edge]!;
        if (retainedSizes[variable]! < MIN_CAPTURED_BYTES || dominators[variable] !== context) continue;
        findings.push(findingFor(snapshot, context, edge));
      }
    }
    return findings;
  },
};

function findingFor(snapshot: SnapshotContext, context: number, edge: number): Finding {
  const { graph } = snapshot.analysis;
  const variable = graph.edgeTargets[edge]!;
  const name = edgeName(graph, edge);
  const object = snapshot.object(variable);
  const closures = closuresOf(snapshot, context);
  const shown = closures.slice(0, MAX_CLOSURE_NAMES).map((closure) => snapshot.object(closure).name || '(anonymous)');
  const by = shown.length ? ` by ${shown.map((closureName) => `${closureName}()`).join(', ')}` : '';
  return {
    kind: 'closure-holding-memory',
    title: `Variable "${name}" (${object.className}, ${formatBytes(object.retainedSizeBytes)}) is kept alive by a closure's scope${by}`,
    bytesAtStake: object.retainedSizeBytes,
    suggestion:
      `Do not reference "${name}" from functions that outlive it: copy the little the callback needs into its own variable, or set "${name}" to null once it is used.`,
    snapshotId: snapshot.snapshotId,
    evidence: {
      figures: { 'retained bytes': object.retainedSizeBytes, 'closures sharing the scope': closures.length },
      object,
      path: snapshot.pathOf(variable),
      samples: shown.map((closureName) => `closure ${closureName}`),
    },
  };
}

function closuresOf({ analysis }: SnapshotContext, context: number): number[] {
  const closure = analysis.graph.nodeTypeNames.indexOf('closure');
  const closures: number[] = [];
  forEachHolder(analysis, context, (holder) => {
    if (analysis.graph.nodeTypes[holder] === closure) closures.push(holder);
  });
  return closures;
}
