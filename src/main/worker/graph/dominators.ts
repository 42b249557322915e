import type { BitVector } from './bitVector';
import type { HeapGraph } from './heapGraph';
import type { Retainers } from './retainers';
import type { ScratchBuffers } from './scratchBuffers';
import { UintStack } from './uintStack';

export interface Dominators {
  /** Ordinal of each node's immediate dominator; the root's is itself. */
  dominators: Uint32Array;
  /** Self size of each node plus everything it dominates. */
  retainedSizes: Float64Array;
}

/**
 * Dominator tree by Lengauer–Tarjan (the "simple" eval/link with path compression: O(m log n),
 * one pass, no fix-point to stall on deep or cyclic heaps), iterative DFS over typed arrays.
 * It follows DevTools step for step so results match it even on odd graphs: nodes the DFS from
 * the root misses are attached to the root, first those with only non-retaining retainers
 * (searched from), then any left (cliques retaining each other), one by one.
 * Vertices are numbered ordinal + 1 so that 0 can mean "none", as in the paper.
 */
export function computeDominators(
  graph: HeapGraph,
  retainers: Retainers,
  essential: BitVector,
  scratch: ScratchBuffers,
): Dominators {
  const { nodeCount, firstEdges, edgeTargets, selfSizes } = graph;
  const { firstRetainer, retainerNodes, essentialSlots } = retainers;
  const parent = scratch.take();
  const ancestor = scratch.take();
  const vertex = scratch.take();
  const label = scratch.take();
  const semi = scratch.take();
  const dom = scratch.take();
  const nextEdge = scratch.take();
  let n = 0;

  const dfs = (start: number): void => {
    nextEdge[start - 1] = firstEdges[start - 1]!;
    let v = start;
    while (v !== 0) {
      if (semi[v] === 0) {
        semi[v] = ++n;
        vertex[n] = label[v] = v;
      }
      let next = parent[v]!;
      const ordinal = v - 1;
      const end = firstEdges[ordinal + 1]!;
      for (let edge = nextEdge[ordinal]!; edge < end; edge++) {
        if (!essential.get(edge)) continue;
        const w = edgeTargets[edge]! + 1;
        if (semi[w] === 0) {
          parent[w] = v;
          nextEdge[w - 1] = firstEdges[w - 1]!;
          nextEdge[ordinal] = edge + 1;
          next = w;
          break;
        }
      }
      if (next === parent[v]) nextEdge[ordinal] = end;
      v = next;
    }
  };
  const hasRetainingRetainer = (ordinal: number): boolean => {
    for (let slot = firstRetainer[ordinal]!, end = firstRetainer[ordinal + 1]!; slot < end; slot++) {
      if (essentialSlots.get(slot)) return true;
    }
    return false;
  };

  const r = graph.rootOrdinal + 1;
  dfs(r);
  if (n < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] === 0 && !hasRetainingRetainer(v - 1)) {
        parent[v] = r;
        dfs(v);
      }
    }
  }
  if (n < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] !== 0) continue;
      parent[v] = r;
      semi[v] = ++n;
      vertex[n] = label[v] = v;
    }
  }

  const stack = new UintStack();
  const evaluate = (v: number): number => {
    if (ancestor[v] === 0) return v;
    let u = v;
    while (ancestor[ancestor[u]!] !== 0) {
      stack.push(u);
      u = ancestor[u]!;
    }
    while (stack.length > 0) {
      const w = stack.pop();
      const a = ancestor[w]!;
      if (semi[label[a]!]! < semi[label[w]!]!) label[w] = label[a]!;
      ancestor[w] = ancestor[a]!;
    }
    return label[v]!;
  };

  // Buckets as linked lists: each vertex joins exactly one bucket, once. The DFS is done, so
  // its edge cursors can hold the links.
  const bucketHead = scratch.take();
  const bucketNext = nextEdge;
  for (let i = n; i >= 2; i--) {
    const w = vertex[i]!;
    const wOrdinal = w - 1;
    let orphan = true;
    for (let slot = firstRetainer[wOrdinal]!, end = firstRetainer[wOrdinal + 1]!; slot < end; slot++) {
      if (!essentialSlots.get(slot)) continue;
      orphan = false;
      const u = evaluate(retainerNodes[slot]! + 1);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    // Treat a node with no retaining retainers as retained by the root alone.
    if (orphan) semi[w] = semi[r]!;
    const semiVertex = vertex[semi[w]!]!;
    bucketNext[w] = bucketHead[semiVertex]!;
    bucketHead[semiVertex] = w;
    const p = parent[w]!;
    ancestor[w] = p;
    for (let v = bucketHead[p]!; v !== 0; v = bucketNext[v]!) {
      const u = evaluate(v);
      dom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = 0;
  }
  dom[0] = dom[r] = r;
  for (let i = 2; i <= n; i++) {
    const w = vertex[i]!;
    if (dom[w] !== vertex[semi[w]!]) dom[w] = dom[dom[w]!]!;
  }

  scratch.give(parent, ancestor, label, semi, bucketHead, nextEdge);
  // Turn vertex numbers into ordinals in place; `dom` becomes the result and is not given back.
  const dominators = dom.subarray(1);
  const retainedSizes = new Float64Array(nodeCount);
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    dominators[ordinal]!--;
    retainedSizes[ordinal] = selfSizes[ordinal]!;
  }
  // Children come after their dominator in DFS order, so a reverse sweep sums bottom-up.
  for (let i = n; i > 1; i--) {
    const ordinal = vertex[i]! - 1;
    retainedSizes[dominators[ordinal]!]! += retainedSizes[ordinal]!;
  }
  scratch.give(vertex);
  return { dominators, retainedSizes };
}
