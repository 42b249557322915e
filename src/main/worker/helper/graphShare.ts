import { typeIndexes, type HeapGraph } from '../graph/heapGraph';
import { StringStore, type StringStoreParts } from '../parse/stringStore';

/** A parsed graph as a message: its big arrays are in shared memory, so posting it copies none. */
export type GraphShare = Omit<HeapGraph, 'strings' | 'types'> & { strings: StringStoreParts };

export function shareGraph(graph: HeapGraph): GraphShare {
  const { strings, types: _types, ...arrays } = graph;
  return { ...arrays, strings: strings.parts() };
}

export function graphFromShare(share: GraphShare): HeapGraph {
  return { ...share, strings: new StringStore(share.strings), types: typeIndexes(share.nodeTypeNames, share.edgeTypeNames) };
}
