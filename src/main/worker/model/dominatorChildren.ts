import type { HeapAnalysis } from '../graph/analyzeGraph';
import { BitVector } from '../graph/bitVector';
import { buildDominatorTree, type DominatorTree } from '../graph/dominatorTree';
import { ScratchBuffers } from '../graph/scratchBuffers';
import { sortByKey } from './sortByKey';

/**
 * The dominator tree top-down, built on first use (two node-sized arrays, kept: Dominators,
 * filtered summaries and the event-handler filter all walk it). Each node's children are sorted
 * by retained size, biggest first, in place the first time they are asked for.
 */
export class DominatorChildren {
  private built?: DominatorTree;
  private sorted?: BitVector;

  constructor(private readonly analysis: HeapAnalysis) {}

  /** The tree, children in any order (sorted only where `of` has been asked). */
  get tree(): DominatorTree {
    this.built ??= buildDominatorTree(this.analysis.dominators, this.analysis.graph.rootOrdinal, new ScratchBuffers(this.analysis.graph.nodeCount + 1));
    return this.built;
  }

  /** The objects `ordinal` immediately dominates, biggest retained size first (ties by ordinal). */
  of(ordinal: number): Uint32Array {
    const { firstChild, children } = this.tree;
    const segment = children.subarray(firstChild[ordinal]!, firstChild[ordinal + 1]!);
    this.sorted ??= new BitVector(this.analysis.graph.nodeCount);
    if (!this.sorted.get(ordinal)) {
      // Children were placed in ordinal order, so equal sizes stay by ordinal.
      const { retainedSizes } = this.analysis;
      sortByKey(segment, (child) => retainedSizes[child]!, true);
      this.sorted.set(ordinal);
    }
    return segment;
  }
}
