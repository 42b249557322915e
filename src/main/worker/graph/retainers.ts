import { BitVector } from './bitVector';
import type { HeapGraph } from './heapGraph';

/**
 * Reverse edges in CSR form. Node `n`'s retainers are slots `firstRetainer[n] ..
 * firstRetainer[n + 1] - 1`, in increasing edge order; a slot holds the retaining node's
 * ordinal, which is what the dominator and distance passes need. The edge itself is found again
 * by scanning that node's (few) outgoing edges for the target: see `retainerEdges`.
 */
export interface Retainers {
  firstRetainer: Uint32Array;
  retainerNodes: Uint32Array;
  /** Per slot: whether its edge retains (see essentialEdges.ts). */
  essentialSlots: BitVector;
}

export function buildRetainers(graph: HeapGraph, essentialEdges: BitVector): Retainers {
  const { nodeCount, edgeCount, firstEdges, edgeTargets } = graph;
  const firstRetainer = new Uint32Array(nodeCount + 1);
  const retainerNodes = new Uint32Array(edgeCount);
  const essentialSlots = new BitVector(edgeCount);
  for (let edge = 0; edge < edgeCount; edge++) firstRetainer[edgeTargets[edge]! + 1]!++;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) firstRetainer[ordinal + 1]! += firstRetainer[ordinal]!;
  // Fill with firstRetainer[t] as t's write cursor; it ends at t's end, so shift back after.
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const slot = firstRetainer[edgeTargets[edge]!]!++;
      retainerNodes[slot] = ordinal;
      if (essentialEdges.get(edge)) essentialSlots.set(slot);
    }
  }
  for (let ordinal = nodeCount; ordinal > 0; ordinal--) firstRetainer[ordinal] = firstRetainer[ordinal - 1]!;
  firstRetainer[0] = 0;
  return { firstRetainer, retainerNodes, essentialSlots };
}

/**
 * The edge ordinals retaining `target`, in slot order: for each slot, the k-th edge of its
 * retaining node that points to `target`, where k counts earlier slots with the same node.
 */
export function retainerEdges(graph: HeapGraph, retainers: Retainers, target: number): Uint32Array {
  const from = retainers.firstRetainer[target]!;
  const to = retainers.firstRetainer[target + 1]!;
  const edges = new Uint32Array(to - from);
  for (let slot = from; slot < to; slot++) {
    const source = retainers.retainerNodes[slot]!;
    // Slots of one source are adjacent (they come from one run of its edges), so resume after
    // the previous slot's edge when the source repeats.
    let edge = slot > from && retainers.retainerNodes[slot - 1] === source ? edges[slot - from - 1]! + 1 : graph.firstEdges[source]!;
    while (graph.edgeTargets[edge] !== target) edge++;
    edges[slot - from] = edge;
  }
  return edges;
}
