import { BitVector } from './bitVector';
import type { EphemeronNames } from './ephemeronNames';
import type { HeapGraph } from './heapGraph';

/**
 * The edges that retain, per DevTools' rules: not weak edges; not a WeakMap table's edge to a
 * value (the key's edge to the same value is kept, so values hang under their keys); not
 * self-edges; not shortcut edges except the root's (which mark the global objects); and not
 * edges from objects the page does not own into objects it owns (inspector references).
 */
export function findEssentialEdges(graph: HeapGraph, pageOwned: Uint8Array, ephemerons: EphemeronNames): BitVector {
  const { nodeCount, firstEdges, edgeTypes, edgeNames, edgeTargets, nodeIds, types, rootOrdinal } = graph;
  const essential = new BitVector(graph.edgeCount);
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const isRoot = ordinal === rootOrdinal;
    const sourceOwned = pageOwned[ordinal] !== 0;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const type = edgeTypes[edge];
      if (type === types.edgeWeak) continue;
      if (type === types.edgeInternal) {
        const ephemeron = ephemerons.lookup(edgeNames[edge]!);
        if (ephemeron && ephemeron.tableId === nodeIds[ordinal]) continue;
      }
      const target = edgeTargets[edge]!;
      if (target === ordinal) continue;
      if (!isRoot) {
        if (type === types.edgeShortcut) continue;
        if (pageOwned[target] && !sourceOwned) continue;
      }
      essential.set(edge);
    }
  }
  return essential;
}
