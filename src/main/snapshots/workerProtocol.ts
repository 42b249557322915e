import type { Result } from '../../shared/contract/result';
import type { ApiMethods } from '../../shared/contract/api';
import type { ClassRow, EdgeRow, ObjectDetails, ObjectRow, OpenedSnapshotInfo, Page, RetainersPage } from '../../shared/model/heapSnapshots';
import type { SnapshotLoadProgress } from '../worker/openSnapshot';
import type { PathStep } from '../../shared/model/comparisons';
import type { Finding } from '../../shared/model/findings';
import type { ObjectMeasure } from '../worker/analyses/analysis';
import type { SeriesKind } from '../worker/analyses/seriesAnalyses';
import type { SnapshotFindingsOptions } from '../worker/analyses/snapshotFindings';
import type { BudgetFigures } from '../worker/model/budgetFigures';
import type { ClassDiffRow, RetainerCluster } from '../../shared/model/comparisons';
import type { ClassTotals } from '../worker/compare/classTotals';
import type { IdMatch } from '../worker/compare/idMatching';
import type { LeakFindings } from '../worker/compare/leakCandidates';
import type { ObjectExport } from '../worker/compare/objectExport';
import type { PathCounts } from '../worker/compare/pathCounts';
import type { ClassDiffRequest, ComparisonTotals } from '../worker/compare/snapshotComparison';

/** What the snapshot worker answers once the file is analysed; classes come by page. */
export type OpenedSnapshot = Omit<OpenedSnapshotInfo, 'snapshotId' | 'path'>;

/** An API method's parameters as its snapshot's worker takes them: the snapshot is implied. */
type InSnapshot<M extends keyof ApiMethods> = Omit<ApiMethods[M]['params'], 'snapshotId'>;

/** The calls main makes to one snapshot's worker thread. */
export interface WorkerMethods {
  classes: { params: InSnapshot<'getSnapshotClasses'>; result: Page<ClassRow> };
  classInstances: { params: InSnapshot<'getClassInstances'>; result: Page<ObjectRow> };
  topRetainers: { params: { limit: number }; result: ObjectRow[] };
  object: { params: { ordinal?: number; id?: number }; result: ObjectRow };
  details: { params: { ordinal: number }; result: ObjectDetails };
  edges: { params: { ordinal: number; offset?: number; limit?: number }; result: Page<EdgeRow> };
  retainers: { params: InSnapshot<'getObjectRetainers'>; result: RetainersPage };
  dominatorChildren: { params: InSnapshot<'getDominatorChildren'>; result: Page<ObjectRow> };
  dominatorPath: { params: { ordinal: number }; result: ObjectRow[] };
  /** The single-snapshot findings (see worker/analyses/snapshotFindings.ts), stamped with `snapshotId`. */
  findings: { params: { snapshotId: string } & SnapshotFindingsOptions; result: Finding[] };
  /** A series analysis's measures: of the objects worth following (no `ids`), or of `ids` (null: not there). */
  seriesMeasures: { params: { kind: SeriesKind; ids?: number[] }; result: (ObjectMeasure | null)[] };
  /** The object with V8 id `id` and its shortest retaining path, as a finding's evidence. */
  findingEvidence: { params: { id: number }; result: { object: ObjectRow; path: PathStep[] } };
  budgetFigures: { params: { classNames: string[] }; result: BudgetFigures };
  // Comparisons, leaks and trends (worker/compare): exports travel between workers through main.
  /** This snapshot's objects sorted by id (every object, or a sample by id); transferred. */
  exportObjects: { params: { sampleEvery?: number }; result: ObjectExport };
  /** Whether ids mean the same objects here as in `base` (an export sampled with `sampleEvery`). */
  checkIds: { params: { base: ObjectExport; sampleEvery: number }; result: Pick<IdMatch, 'matchedById' | 'warning'> };
  /** Compares `base` with this snapshot and keeps the comparison here under `comparisonId`. */
  compare: { params: { comparisonId: string; base: ObjectExport }; result: ComparisonTotals };
  comparisonClasses: { params: { comparisonId: string } & ClassDiffRequest; result: Page<ClassDiffRow> };
  /** Ordinals of a class's new objects (of this snapshot) or deleted ones (of the base). */
  comparisonObjects: {
    params: { comparisonId: string; className: string; change: 'new' | 'deleted'; offset?: number; limit?: number };
    result: Page<number>;
  };
  allocatedClusters: { params: { comparisonId: string; limit: number }; result: RetainerCluster[] };
  dropComparison: { params: { comparisonId: string }; result: { dropped: boolean } };
  objectRows: { params: { ordinals: number[] }; result: ObjectRow[] };
  /** MemLab's leak candidates with this snapshot as the target; the id lists sorted ascending. */
  leaks: { params: { baselineIds: Uint32Array; finalIds: Uint32Array }; result: LeakFindings };
  /** The summary by class name; transferred. */
  classTotals: { params: Record<string, never>; result: ClassTotals & { totalBytes: number } };
  /** The retaining-path patterns holding the objects of `classNames`, the most objects first. */
  pathCounts: { params: { classNames: string[] }; result: PathCounts };
}

export type WorkerMethodName = keyof WorkerMethods;

/** Main → worker. */
export interface WorkerCall {
  id: number;
  method: WorkerMethodName;
  params: unknown;
}

/** Worker → main. */
export type WorkerMessage =
  | { type: 'progress'; progress: SnapshotLoadProgress }
  | { type: 'opened'; result: Result<OpenedSnapshot> }
  | { type: 'result'; id: number; result: Result<unknown> }
  /** The analysis cache beside the file is written (or could not be); the worker may stop now. */
  | { type: 'cacheSettled'; saved: boolean };

/**
 * What the worker is started with. `streamed`: the snapshot arrives as `WorkerChunk` messages
 * while a capture writes `path`, so analysis runs alongside the capture instead of after it.
 */
export interface WorkerStart {
  path: string;
  streamed?: boolean;
  /** False: neither read nor write the analysis cache beside the file. */
  useCache?: boolean;
}

/** Main → worker while streaming: the next bytes of the snapshot, or the end of it. */
export type WorkerChunk = { chunk: Uint8Array } | { end: true };
