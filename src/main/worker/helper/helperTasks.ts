import type { ClassTotals } from '../graph/classAggregates';
import type { ClassInfo } from '../graph/classTable';
import type { InterfaceDefinition } from '../graph/interfaceDefinitions';
import type { OwnershipGraph } from '../graph/pageOwnership';
import type { KindSums } from '../graph/statistics';
import type { GraphShare } from './graphShare';

/** Counts each node's retainers into `counts[node + 1]` (the first pass of the CSR index). */
export interface CountRetainersTask {
  name: 'countRetainers';
  edgeTargets: Uint32Array;
  counts: Uint32Array;
}

/** Marks what the global objects reach (see pageOwnership.ts) into `owned`, while the strings are read. */
export interface MarkGlobalsOwnedTask {
  name: 'markGlobalsOwned';
  graph: OwnershipGraph;
  owned: Uint8Array;
  stack: Uint32Array;
}

/** The parsed graph the tasks below work on (its arrays are shared, so both threads see changes). */
export interface AttachGraphTask {
  name: 'attachGraph';
  graph: GraphShare;
}

/**
 * Folds owned sizes into their owners (see ownedSizes.ts), rewriting the shared `selfSizes`, in
 * work buffers lent by the other thread (which reuses them for the dominators next).
 */
export interface FoldOwnedSizesTask {
  name: 'foldOwnedSizes';
  buffers: Uint32Array[];
}

/** The class of every node: independent of the dominator pass. */
export interface ClassesTask {
  name: 'classes';
}

/** Distances from the roots (see distances.ts), also independent of the dominator pass, into a work buffer lent by the other thread. */
export interface DistancesTask {
  name: 'distances';
  buffer: Uint32Array;
}

/**
 * Once the retainer index is built (`firstRetainer` is shared): memory by kind, and per-class
 * totals over the distances and classes this thread found. Neither waits for the dominators.
 */
export interface SummarizeTask {
  name: 'summarize';
  firstRetainer: Uint32Array;
}

export type HelperTask = CountRetainersTask | MarkGlobalsOwnedTask | AttachGraphTask | FoldOwnedSizesTask | ClassesTask | DistancesTask | SummarizeTask;

export interface ClassesResult {
  /** In shared memory, so it arrives without a copy. */
  classIds: Uint32Array;
  classes: ClassInfo[];
  interfaces: InterfaceDefinition[];
}

export interface SummaryResult {
  kinds: KindSums;
  classes: ClassTotals;
}

export interface TaskRequest {
  id: number;
  task: HelperTask;
}

export type TaskReply = { id: number; result: unknown } | { id: number; error: string };
