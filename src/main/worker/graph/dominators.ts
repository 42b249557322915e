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
 *
 * The work arrays are indexed by DFS preorder number (1..n, 0 meaning "none") rather than by
 * node: a semidominator is then itself a number, a vertex is linked exactly when its number is
 * at least the one being processed (they are linked in reverse preorder), and the hot loop
 * reads one array fewer per step than the textbook's vertex-indexed form.
 */
export function computeDominators(
  graph: HeapGraph,
  retainers: Retainers,
  essential: BitVector,
  scratch: ScratchBuffers,
): Dominators {
  const { nodeCount, firstEdges, edgeTargets, selfSizes } = graph;
  const { firstRetainer, retainerNodes, essentialSlots } = retainers;
  // `label` and `semi` live in the result's retained sizes buffer (overwritten only once they
  // are done); `ancestor` shares `parent`; the DFS's edge cursors and then the bucket links share
  // `dom` (see the bucket loop); each node's number becomes its dominator at the end. These are
  // the peak of the whole analysis.
  const sizesBuffer = new ArrayBuffer(Float64Array.BYTES_PER_ELEMENT * (nodeCount + 1));
  const label = new Uint32Array(sizesBuffer, 0, nodeCount + 1);
  const semi = new Uint32Array(sizesBuffer, Uint32Array.BYTES_PER_ELEMENT * (nodeCount + 1), nodeCount + 1);
  const numberOf = scratch.take();
  const vertex = scratch.take();
  const parent = scratch.take();
  const dom = scratch.take();
  const nextEdge = dom;
  let n = 0;

  const visit = (ordinal: number, parentNumber: number): number => {
    const number = ++n;
    numberOf[ordinal] = number;
    vertex[number] = ordinal;
    parent[number] = parentNumber;
    semi[number] = label[number] = number;
    nextEdge[ordinal] = firstEdges[ordinal]!;
    return number;
  };
  /** Numbers everything reachable from `start` over retaining edges, as a child of `parentNumber`. */
  const dfs = (start: number, parentNumber: number): void => {
    for (let v = visit(start, parentNumber); v !== parentNumber; ) {
      const ordinal = vertex[v]!;
      const end = firstEdges[ordinal + 1]!;
      let edge = nextEdge[ordinal]!;
      while (edge < end && (!essential.get(edge) || numberOf[edgeTargets[edge]!] !== 0)) edge++;
      if (edge < end) {
        nextEdge[ordinal] = edge + 1;
        v = visit(edgeTargets[edge]!, v);
      } else {
        v = parent[v]!;
      }
    }
  };
  const hasRetainingRetainer = (ordinal: number): boolean => {
    for (let slot = firstRetainer[ordinal]!, end = firstRetainer[ordinal + 1]!; slot < end; slot++) {
      if (essentialSlots.get(slot)) return true;
    }
    return false;
  };

  const root = 1;
  dfs(graph.rootOrdinal, 0);
  if (n < nodeCount) {
    for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
      if (numberOf[ordinal] === 0 && !hasRetainingRetainer(ordinal)) dfs(ordinal, root);
    }
  }
  if (n < nodeCount) {
    for (let ordinal = 0; ordinal < nodeCount; ordinal++) if (numberOf[ordinal] === 0) visit(ordinal, root);
  }

  // A vertex's ancestor in the linked forest starts as its DFS parent and is only rewritten
  // (by path compression) once the vertex is linked, after which its parent is no longer read.
  const ancestor = parent;
  let linkedFrom = n + 1;
  const stack = new UintStack();
  const evaluate = (v: number): number => {
    if (v < linkedFrom) return v;
    let u = v;
    while (ancestor[u]! >= linkedFrom) {
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

  // Buckets as linked lists in `dom` alone: a vertex's slot holds the head of its own bucket
  // until its turn in the loop (nothing joins it after that), then its link in the bucket it
  // joins, then its dominator; each is read before the next overwrites it.
  dom.fill(0);
  const dropBucket = (owner: number): void => {
    for (let v = dom[owner]!; v !== 0; ) {
      const next = dom[v]!;
      dom[v] = 0;
      v = next;
    }
  };
  for (let w = n; w >= 2; w--) {
    // Whatever is still in w's bucket (only with the unreachable cliques attached to the root
    // above) is never processed: dom 0, which the pass below turns into the root.
    dropBucket(w);
    const ordinal = vertex[w]!;
    let best = w;
    let orphan = true;
    for (let slot = firstRetainer[ordinal]!, end = firstRetainer[ordinal + 1]!; slot < end; slot++) {
      if (!essentialSlots.get(slot)) continue;
      orphan = false;
      const candidate = semi[evaluate(numberOf[retainerNodes[slot]!]!)]!;
      if (candidate < best) best = candidate;
    }
    // Treat a node with no retaining retainers as retained by the root alone.
    semi[w] = orphan ? root : best;
    if (semi[w] === w) {
      // Its own bucket, just dropped: likewise never processed.
      dom[w] = 0;
    } else {
      dom[w] = dom[semi[w]!]!;
      dom[semi[w]!] = w;
    }
    const p = parent[w]!;
    linkedFrom = w;
    for (let v = dom[p]!; v !== 0; ) {
      const next = dom[v]!;
      const u = evaluate(v);
      dom[v] = semi[u]! < semi[v]! ? u : p;
      v = next;
    }
    dom[p] = 0;
  }
  dropBucket(root);
  dom[0] = dom[root] = root;
  for (let w = 2; w <= n; w++) {
    if (dom[w] !== semi[w]) dom[w] = dom[dom[w]!]!;
  }

  // Numbers back to ordinals; each node's number is no longer needed, so its slot takes the result.
  const dominators = numberOf.subarray(0, nodeCount);
  for (let w = 1; w <= n; w++) dominators[vertex[w]!] = vertex[dom[w]!]!;
  scratch.give(parent, dom);
  const retainedSizes = new Float64Array(sizesBuffer, 0, nodeCount);
  retainedSizes.set(selfSizes);
  // Children come after their dominator in DFS order, so a reverse sweep sums bottom-up.
  for (let w = n; w > 1; w--) {
    const ordinal = vertex[w]!;
    retainedSizes[dominators[ordinal]!]! += retainedSizes[ordinal]!;
  }
  scratch.give(vertex);
  return { dominators, retainedSizes };
}
