import type { BitVector } from './bitVector';
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
  /** Per slot: whether its edge retains (see retainerIndex.ts, which builds all three). */
  essentialSlots: BitVector;
}

/** Counts each node's retainers into `counts[node + 1]` (the first pass of the CSR index); returns `counts`. */
export function countRetainers(edgeTargets: Uint32Array, counts: Uint32Array): Uint32Array {
  for (let edge = 0; edge < edgeTargets.length; edge++) counts[edgeTargets[edge]! + 1]!++;
  return counts;
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
