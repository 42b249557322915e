import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import type { ScratchBuffers } from './scratchBuffers';
import { isDocumentDomTreesRoot } from './roots';

/** What marking from the global objects reads: no names, so it can run before the strings are read. */
export type OwnershipGraph = Pick<HeapGraph, 'nodeCount' | 'firstEdges' | 'edgeTypes' | 'edgeTargets' | 'rootOrdinal' | 'types'>;

/**
 * Marks objects the page owns: everything reachable without weak edges from the root's
 * shortcut edges (the global objects) and from the DOM trees root. DevTools then ignores
 * edges from objects the page does not own (the debugger's, the console's) into ones it does,
 * so that inspector references do not change the page's dominators.
 */
export function markPageOwned(graph: HeapGraph, known: KnownStrings, scratch: ScratchBuffers): Uint8Array {
  const owned = new Uint8Array(graph.nodeCount);
  const stack = scratch.take();
  markGlobalsOwned(graph, owned, stack);
  markDomTreesOwned(graph, known, owned, stack);
  scratch.give(stack);
  return owned;
}

/** The first half of `markPageOwned`: from the global objects, into `owned`, using `stack` (node count entries). */
export function markGlobalsOwned(graph: OwnershipGraph, owned: Uint8Array, stack: Uint32Array): void {
  const { firstEdges, edgeTypes, edgeTargets, types, rootOrdinal } = graph;
  let size = 0;
  for (let edge = firstEdges[rootOrdinal]!, end = firstEdges[rootOrdinal + 1]!; edge < end; edge++) {
    const target = edgeTargets[edge]!;
    if (edgeTypes[edge] !== types.edgeShortcut || owned[target]) continue;
    owned[target] = 1;
    stack[size++] = target;
  }
  spreadOwnership(graph, owned, stack, size);
}

/** The second half of `markPageOwned`: from the DOM trees root, found by its name. */
export function markDomTreesOwned(graph: HeapGraph, known: KnownStrings, owned: Uint8Array, stack: Uint32Array): void {
  const { firstEdges, edgeTypes, edgeTargets, types, rootOrdinal } = graph;
  let size = 0;
  for (let edge = firstEdges[rootOrdinal]!, end = firstEdges[rootOrdinal + 1]!; edge < end; edge++) {
    const target = edgeTargets[edge]!;
    if (edgeTypes[edge] !== types.edgeElement || owned[target] || !isDocumentDomTreesRoot(graph, known, target)) continue;
    owned[target] = 1;
    stack[size++] = target;
  }
  spreadOwnership(graph, owned, stack, size);
}

/** Marks everything reachable without weak edges from the `size` nodes on `stack`. */
function spreadOwnership(graph: OwnershipGraph, owned: Uint8Array, stack: Uint32Array, size: number): void {
  const { firstEdges, edgeTypes, edgeTargets, types } = graph;
  while (size > 0) {
    const ordinal = stack[--size]!;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const target = edgeTargets[edge]!;
      if (owned[target] || edgeTypes[edge] === types.edgeWeak) continue;
      owned[target] = 1;
      stack[size++] = target;
    }
  }
}
