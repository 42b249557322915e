import type { PathStep } from '../../../shared/model/comparisons';
import type { Finding, FindingKind } from '../../../shared/model/findings';
import type { ObjectRow } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';

/** What an analysis reads in one snapshot's worker: the analysed graph and the rows it hands out. */
export interface SnapshotContext {
  snapshotId: string;
  analysis: HeapAnalysis;
  object(ordinal: number): ObjectRow;
  /** The shortest retaining path from the object toward the GC roots. */
  pathOf(ordinal: number): PathStep[];
  /** The ordinal of the object with V8 id `id`, or undefined when it is not in this snapshot. */
  ordinalOf(id: number): number | undefined;
}

/** One analysis over one snapshot (the last of a series): its findings, biggest first or in any order. */
export interface SnapshotAnalysis {
  kind: FindingKind;
  find(snapshot: SnapshotContext): Finding[];
}

/** How much one object holds in one snapshot (entries of a collection, listeners of an emitter). */
export interface ObjectMeasure {
  id: number;
  count: number;
  retainedBytes: number;
  /** Short notes for the evidence, e.g. listener counts per event name. */
  notes?: string[];
}

/**
 * One analysis over a series, split where the graph lives: each snapshot's worker measures
 * objects (`measure`), and main, holding only those small measures, follows each object by V8
 * id across the series (`judge`, see growthSeries.ts) and words the finding (`describe`).
 */
export interface SeriesAnalysis {
  kind: FindingKind;
  /** In the last snapshot, only objects holding at least this many are followed. */
  minFinalCount: number;
  /** The least rise, first snapshot to last, that counts as growth (see growthSeries.ts). */
  minGrowth: number;
  /** The object's measure, or undefined when it is not the kind of object this analysis follows. */
  measure(snapshot: SnapshotContext, ordinal: number): ObjectMeasure | undefined;
  /** Title and suggestion for an object that grew; `counts` oldest first, `path` its retaining path in the last snapshot. */
  describe(object: ObjectRow, counts: number[], last: ObjectMeasure, path: PathStep[]): { title: string; suggestion: string; countLabel: string };
}
