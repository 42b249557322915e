import { BitVector } from './bitVector';
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
  // Four node-sized buffers plus the result's retained sizes instead of the textbook's eight, as
  // they are the peak of the whole analysis: `label` and `semi` live in the retained sizes
  // buffer (overwritten only once they are done), `ancestor` shares `parent` (see `evaluate`),
  // the DFS's edge cursors and then the bucket links share `dom` (see the bucket loop).
  const sizesBuffer = new ArrayBuffer(Float64Array.BYTES_PER_ELEMENT * (nodeCount + 1));
  const label = new Uint32Array(sizesBuffer, 0, nodeCount + 1);
  const semi = new Uint32Array(sizesBuffer, Uint32Array.BYTES_PER_ELEMENT * (nodeCount + 1), nodeCount + 1);
  const parent = scratch.take();
  const vertex = scratch.take();
  const dom = scratch.take();
  const nextEdge = dom;
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

  // A vertex's ancestor in the linked forest starts as its DFS parent and is only rewritten
  // (by path compression) once the vertex is linked, after which its parent is no longer read;
  // so one array serves as both, and a bit says which vertices are linked.
  const ancestor = parent;
  const linked = new BitVector(nodeCount + 1);
  const stack = new UintStack();
  const evaluate = (v: number): number => {
    if (!linked.get(v)) return v;
    let u = v;
    while (linked.get(ancestor[u]!)) {
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

  // Buckets as linked lists: each vertex joins exactly one bucket, once, and its link is read
  // just before `dom` of that vertex is written, so `dom` holds the links (the DFS is done with
  // its edge cursors there).
  dom.fill(0);
  const bucketHead = scratch.take();
  const bucketNext = dom;
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
    linked.set(w);
    for (let v = bucketHead[p]!; v !== 0; ) {
      const next = bucketNext[v]!;
      const u = evaluate(v);
      dom[v] = semi[u]! < semi[v]! ? u : p;
      v = next;
    }
    bucketHead[p] = 0;
  }
  // Vertices left in buckets never processed (only with the unreachable cliques attached to
  // the root above) keep dom 0, as with separate arrays: clear their links.
  for (let p = 1; p <= nodeCount; p++) {
    for (let v = bucketHead[p]!; v !== 0; ) {
      const next = bucketNext[v]!;
      dom[v] = 0;
      v = next;
    }
  }
  dom[0] = dom[r] = r;
  for (let i = 2; i <= n; i++) {
    const w = vertex[i]!;
    if (dom[w] !== vertex[semi[w]!]) dom[w] = dom[dom[w]!]!;
  }

  scratch.give(parent, bucketHead);
  // Turn vertex numbers into ordinals in place; `dom` becomes the result and is not given back.
  const dominators = dom.subarray(1);
  const retainedSizes = new Float64Array(sizesBuffer, 0, nodeCount);
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
