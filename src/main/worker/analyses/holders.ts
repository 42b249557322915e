import type { HeapAnalysis } from '../graph/analyzeGraph';
import { retainerEdges } from '../graph/retainers';

/**
 * The objects that retain `ordinal` (weak and other non-retaining references left out, as the
 * dominators leave them out), with the edge each holds it by; stops when `visit` returns false.
 */
export function forEachHolder(analysis: HeapAnalysis, ordinal: number, visit: (holder: number, edge: number) => boolean | void): void {
  const { graph, retainers } = analysis;
  const from = retainers.firstRetainer[ordinal]!;
  const edges = retainerEdges(graph, retainers, ordinal);
  for (let k = 0; k < edges.length; k++) {
    if (!retainers.essentialSlots.get(from + k)) continue;
    if (visit(retainers.retainerNodes[from + k]!, edges[k]!) === false) return;
  }
}
