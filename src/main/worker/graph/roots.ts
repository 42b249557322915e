import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';

/** DevTools' "(Document DOM trees)" synthetic root, whose children are page-owned DOM trees. */
export function isDocumentDomTreesRoot(graph: HeapGraph, known: KnownStrings, ordinal: number): boolean {
  return graph.nodeTypes[ordinal] === graph.types.synthetic && known.is('(Document DOM trees)', graph.nodeNames[ordinal]!);
}

/**
 * A child of the root that is a user root in DevTools' sense: anything not synthetic (a page's
 * Window, Node's global) or the DOM trees root. Snapshots taken with "expose internals" have none.
 */
export function isUserRoot(graph: HeapGraph, known: KnownStrings, ordinal: number): boolean {
  return graph.nodeTypes[ordinal] !== graph.types.synthetic || isDocumentDomTreesRoot(graph, known, ordinal);
}

export function hasUserRoots(graph: HeapGraph, known: KnownStrings): boolean {
  const root = graph.rootOrdinal;
  for (let edge = graph.firstEdges[root]!, end = graph.firstEdges[root + 1]!; edge < end; edge++) {
    if (isUserRoot(graph, known, graph.edgeTargets[edge]!)) return true;
  }
  return false;
}
