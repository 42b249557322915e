import { BitVector } from './bitVector';
import type { EphemeronNames } from './ephemeronNames';
import type { HeapGraph } from './heapGraph';
import { countRetainers, type Retainers } from './retainers';

export interface RetainerIndex {
  retainers: Retainers;
  /** Per edge: whether it retains. */
  essential: BitVector;
}

/**
 * The retainers of every node (see `Retainers`), and which edges retain, per DevTools' rules:
 * not weak edges; not a WeakMap table's edge to a value (the key's edge to the same value is
 * kept, so values hang under their keys); not self-edges; not shortcut edges except the root's
 * (which mark the global objects); and not edges from objects the page does not own into
 * objects it owns (inspector references). One pass over the edges does both.
 *
 * `counts`, when given, already holds each node's retainer count at `[node + 1]` (counted by a
 * helper thread while the strings were read) and becomes `firstRetainer`.
 */
export function buildRetainers(graph: HeapGraph, pageOwned: Uint8Array, ephemerons: EphemeronNames, counts?: Uint32Array): RetainerIndex {
  const { nodeCount, edgeCount, firstEdges, edgeTypes, edgeNames, edgeTargets, nodeIds, types, rootOrdinal } = graph;
  const firstRetainer = counts ?? countRetainers(edgeTargets, new Uint32Array(nodeCount + 1));
  const retainerNodes = new Uint32Array(edgeCount);
  const essentialSlots = new BitVector(edgeCount);
  const essential = new BitVector(edgeCount);
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) firstRetainer[ordinal + 1]! += firstRetainer[ordinal]!;
  // Fill with firstRetainer[t] as t's write cursor; it ends at t's end, so shift back after.
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const isRoot = ordinal === rootOrdinal;
    const sourceOwned = pageOwned[ordinal] !== 0;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const target = edgeTargets[edge]!;
      const slot = firstRetainer[target]!++;
      retainerNodes[slot] = ordinal;
      const type = edgeTypes[edge];
      if (type === types.edgeWeak || target === ordinal) continue;
      if (type === types.edgeInternal) {
        if (ephemerons.tableIdOf(edgeNames[edge]!) === nodeIds[ordinal]) continue;
      }
      if (!isRoot) {
        if (type === types.edgeShortcut) continue;
        // The source's flag first: most edges start from owned objects, sparing a random read.
        if (!sourceOwned && pageOwned[target]) continue;
      }
      essential.set(edge);
      essentialSlots.set(slot);
    }
  }
  for (let ordinal = nodeCount; ordinal > 0; ordinal--) firstRetainer[ordinal] = firstRetainer[ordinal - 1]!;
  firstRetainer[0] = 0;
  return { retainers: { firstRetainer, retainerNodes, essentialSlots }, essential };
}
