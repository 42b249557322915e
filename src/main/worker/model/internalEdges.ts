import type { HeapGraph } from '../graph/heapGraph';

/** The target of `ordinal`'s first internal edge whose name `named` accepts, if any. */
export function internalTarget(graph: HeapGraph, ordinal: number, named: (nameIndex: number) => boolean): number | undefined {
  const { firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
    if (edgeTypes[edge] === types.edgeInternal && named(edgeNames[edge]!)) return edgeTargets[edge];
  }
  return undefined;
}
