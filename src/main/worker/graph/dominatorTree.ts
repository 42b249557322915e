import type { ScratchBuffers } from './scratchBuffers';

/** The dominator tree top-down: node `n`'s children are `children[firstChild[n] .. firstChild[n + 1] - 1]`. */
export interface DominatorTree {
  firstChild: Uint32Array;
  children: Uint32Array;
}

/** Builds the tree in two scratch buffers (give them back when done with the tree). */
export function buildDominatorTree(dominators: Uint32Array, rootOrdinal: number, scratch: ScratchBuffers): DominatorTree {
  const nodeCount = dominators.length;
  const firstChild = scratch.take();
  const children = scratch.take();
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    if (ordinal !== rootOrdinal) firstChild[dominators[ordinal]! + 1]!++;
  }
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) firstChild[ordinal + 1]! += firstChild[ordinal]!;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    if (ordinal !== rootOrdinal) children[firstChild[dominators[ordinal]!]!++] = ordinal;
  }
  for (let ordinal = nodeCount; ordinal > 0; ordinal--) firstChild[ordinal] = firstChild[ordinal - 1]!;
  firstChild[0] = 0;
  return { firstChild, children };
}
