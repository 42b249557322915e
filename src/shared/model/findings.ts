import type { PathStep } from './comparisons';
import type { ObjectRow } from './heapSnapshots';

export type FindingKind =
  | 'growing-collection'
  | 'duplicated-strings'
  | 'detached-dom'
  | 'pinned-parent-string'
  | 'closure-holding-memory'
  | 'growing-listeners'
  | 'dominant-object'
  | 'heap-near-limit'
  | 'leak-cluster';

/**
 * One problem found in a snapshot or a series, with its evidence: the numbers, a series for a
 * small chart, and a representative retaining path.
 */
export interface Finding {
  kind: FindingKind;
  title: string;
  /** Memory this problem keeps (or will keep) alive; findings are ordered by it. */
  bytesAtStake: number;
  /** What to do about it, in one or two sentences. */
  suggestion: string;
  /** The snapshot the evidence is in (the last one for series findings). */
  snapshotId: string;
  evidence: {
    /** Labelled figures, e.g. `{ "entries": 10000, "growth per snapshot": 2500 }`. */
    figures: Record<string, number>;
    /** Values over the series (oldest first) for a small chart. */
    series?: { label: string; values: number[] };
    /** The object concerned and how it is retained. */
    object?: ObjectRow;
    path?: PathStep[];
    /** Short samples (string values, listener names...) as text. */
    samples?: string[];
  };
}

/** A limit the user sets, checked against each snapshot. */
export type Budget =
  | { kind: 'classRetained'; className: string; maxBytes: number }
  | { kind: 'totalHeap'; maxBytes: number }
  | { kind: 'growthPerSnapshot'; maxBytes: number };

export interface BudgetResult {
  budget: Budget;
  /** One verdict per snapshot (the first has none for growth budgets). */
  perSnapshot: { snapshotId: string; valueBytes: number | null; pass: boolean }[];
  pass: boolean;
}
