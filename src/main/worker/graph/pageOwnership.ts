import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import type { ScratchBuffers } from './scratchBuffers';
import { isDocumentDomTreesRoot } from './roots';

/**
 * Marks objects the page owns: everything reachable without weak edges from the root's
 * shortcut edges (the global objects) and from the DOM trees root. DevTools then ignores
 * edges from objects the page does not own (the debugger's, the console's) into ones it does,
 * so that inspector references do not change the page's dominators.
 */
export function markPageOwned(graph: HeapGraph, known: KnownStrings, scratch: ScratchBuffers): Uint8Array {
  const { nodeCount, firstEdges, edgeTypes, edgeTargets, types, rootOrdinal } = graph;
  const owned = new Uint8Array(nodeCount);
  const stack = scratch.take();
  let size = 0;
  for (let edge = firstEdges[rootOrdinal]!, end = firstEdges[rootOrdinal + 1]!; edge < end; edge++) {
    const type = edgeTypes[edge];
    const target = edgeTargets[edge]!;
    const entry =
      type === types.edgeShortcut || (type === types.edgeElement && isDocumentDomTreesRoot(graph, known, target));
    if (!entry || owned[target]) continue;
    owned[target] = 1;
    stack[size++] = target;
  }
  while (size > 0) {
    const ordinal = stack[--size]!;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const target = edgeTargets[edge]!;
      if (owned[target] || edgeTypes[edge] === types.edgeWeak) continue;
      owned[target] = 1;
      stack[size++] = target;
    }
  }
  scratch.give(stack);
  return owned;
}
