import type { BitVector } from './bitVector';
import type { DominatorTree } from './dominatorTree';
import { UintStack } from './uintStack';

/** Per-class totals over the objects DevTools lists: those with a non-zero shallow size. */
export interface ClassAggregates {
  counts: Float64Array;
  shallowSizes: Float64Array;
  /** Sum over instances not dominated by another listed instance of the same class. */
  retainedSizes: Float64Array;
  minDistances: Int32Array;
}

/** What the per-class totals read: no dominators, so they can be summed before those are known. */
export interface ClassTotalInputs {
  classIds: Uint32Array;
  classCount: number;
  selfSizes: Float64Array;
  distances: Int32Array;
  /** Only these objects count (a filtered summary); all listed objects when absent. */
  selection?: BitVector;
}

export type ClassTotals = Omit<ClassAggregates, 'retainedSizes'>;

export interface AggregateInputs extends ClassTotalInputs {
  retainedSizes: Float64Array;
  tree: DominatorTree;
  rootOrdinal: number;
}

const EXIT = 0x80000000;

/** Per class: how many objects are listed, their shallow sizes and their nearest distance. */
export function sumClassTotals({ classIds, classCount, selfSizes, distances, selection }: ClassTotalInputs): ClassTotals {
  const counts = new Float64Array(classCount);
  const shallowSizes = new Float64Array(classCount);
  const minDistances = new Int32Array(classCount).fill(0x7fffffff);
  for (let ordinal = 0; ordinal < classIds.length; ordinal++) {
    const size = selfSizes[ordinal]!;
    if (!size || (selection && !selection.get(ordinal))) continue;
    const id = classIds[ordinal]!;
    counts[id]!++;
    shallowSizes[id]! += size;
    if (distances[ordinal]! < minDistances[id]!) minDistances[id] = distances[ordinal]!;
  }
  return { counts, shallowSizes, minDistances };
}

/** The class totals and retained sizes; `totals` when already summed (by a helper thread). */
export function aggregateClasses(inputs: AggregateInputs, totals: ClassTotals = sumClassTotals(inputs)): ClassAggregates {
  return { ...totals, retainedSizes: sumClassRetained(inputs) };
}

function sumClassRetained({ classIds, classCount, selfSizes, retainedSizes, tree, rootOrdinal, selection }: AggregateInputs): Float64Array {
  const classRetained = new Float64Array(classCount);
  // Walk the dominator tree keeping, per class, how many listed ancestors belong to it; an
  // instance counts only when none does, so nested instances are not counted twice. Objects
  // outside the selection neither count nor hide the instances below them, as in DevTools.
  const openAncestors = new Uint32Array(classCount);
  const stack = new UintStack(1024);
  stack.push(rootOrdinal);
  const { firstChild, children } = tree;
  while (stack.length) {
    const entry = stack.pop();
    if (entry & EXIT) {
      openAncestors[classIds[entry ^ EXIT]!]!--;
      continue;
    }
    const id = classIds[entry]!;
    const from = firstChild[entry]!;
    const to = firstChild[entry + 1]!;
    if (selfSizes[entry] && openAncestors[id] === 0 && (!selection || selection.get(entry))) {
      classRetained[id]! += retainedSizes[entry]!;
      if (from !== to) {
        openAncestors[id]!++;
        stack.push((entry | EXIT) >>> 0);
      }
    }
    for (let k = from; k < to; k++) stack.push(children[k]!);
  }
  return classRetained;
}
