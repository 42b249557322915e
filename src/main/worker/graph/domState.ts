import type { HeapGraph } from './heapGraph';
import { UintStack } from './uintStack';

export const DOM_UNKNOWN = 0;
export const DOM_ATTACHED = 1;
export const DOM_DETACHED = 2;

/**
 * Spreads V8's attached / detached marks from the DOM wrappers it knows to the embedder
 * objects they reach, as DevTools does: attached wins, detached fills the rest, and the spread
 * stops at JavaScript objects (only `native` nodes take a state). Updates `detachedness` in place;
 * afterwards a native node is shown as "Detached ..." exactly when its state is DOM_DETACHED.
 */
export function propagateDomState(graph: HeapGraph): void {
  const { detachedness, nodeTypes, firstEdges, edgeTypes, edgeTargets, nodeCount, types } = graph;
  if (!detachedness) return;
  const visited = new Uint8Array(nodeCount);
  const attached = new UintStack();
  const detached = new UintStack();

  const processNode = (ordinal: number, state: number): void => {
    if (visited[ordinal]) return;
    visited[ordinal] = 1;
    if (nodeTypes[ordinal] !== types.native) return;
    detachedness[ordinal] = state;
    if (state === DOM_ATTACHED) attached.push(ordinal);
    else if (state === DOM_DETACHED) detached.push(ordinal);
  };
  const propagate = (ordinal: number, state: number): void => {
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const type = edgeTypes[edge];
      if (type === types.edgeHidden || type === types.edgeInvisible || type === types.edgeWeak) continue;
      processNode(edgeTargets[edge]!, state);
    }
  };

  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const state = detachedness[ordinal]!;
    if (state !== DOM_UNKNOWN) processNode(ordinal, state);
  }
  while (attached.length) propagate(attached.pop(), DOM_ATTACHED);
  while (detached.length) {
    const ordinal = detached.pop();
    if (detachedness[ordinal] !== DOM_ATTACHED) propagate(ordinal, DOM_DETACHED);
  }
}
