import type { Alert, AlertSettings, GcEvent, LogLine, MemorySample } from '../model/metrics';
import type { SessionSeries, SessionSummary } from '../model/sessions';
import type {
  ClassRow,
  ClassSortKey,
  EdgeRow,
  InstanceSortKey,
  ObjectDetails,
  ObjectFilter,
  ObjectRow,
  OpenedSnapshotInfo,
  Page,
  RetainerNoise,
  RetainersPage,
  SnapshotLoadProgressEvent,
} from '../model/heapSnapshots';
import type { SnapshotEntry } from '../model/snapshotLibrary';
import type { ClassDiffRow, ClassDiffSortKey, ComparisonInfo, LeakReport, RetainerCluster, TrendReport } from '../model/comparisons';
import type { Budget, BudgetResult, Finding } from '../model/findings';
import type { SnapshotFileInfo, SnapshotOptions, SnapshotProgress } from '../model/snapshots';
import type { AttachRequest, TargetsListing, WorkerTarget } from '../model/targets';
import type { WatchInfo, WatchStatusEvent } from '../model/watches';

/**
 * Every service method, with its parameters and result. This map is the whole API: the
 * dispatcher in main implements it, and the IPC bridge, the WebSocket door and the tests
 * are all clients of it.
 */
export interface ApiMethods {
  /** Node processes on this machine and the targets of the given inspector endpoints. */
  listTargets: {
    params: { endpoints?: string[] };
    result: TargetsListing;
  };
  /** Attach to a target and start watching it; a session starts recording at once. */
  attach: {
    params: { request: AttachRequest; intervalMs?: number };
    result: WatchInfo;
  };
  /** Stop watching; the session is closed and kept. */
  detach: { params: { watchId: string }; result: WatchInfo };
  /** All watches of this run, ended ones included. */
  listWatches: { params: Record<string, never>; result: WatchInfo[] };
  /** Change how often a watch samples (250 ms to 60 s). */
  setSampleInterval: {
    params: { watchId: string; intervalMs: number };
    result: WatchInfo;
  };
  /** Worker threads of an attached Node process. */
  listWorkers: { params: { watchId: string }; result: WorkerTarget[] };
  /** Force a full GC (`HeapProfiler.collectGarbage`); resolves with the GC it produced. */
  collectGarbage: {
    params: { watchId: string };
    result: { gc: GcEvent | null; sample: MemorySample };
  };
  /** The latest samples of a live watch, for a view that opens after the watch started. */
  getRecentSamples: {
    params: { watchId: string; maxPoints?: number };
    result: SessionSeries;
  };
  getAlertSettings: { params: Record<string, never>; result: AlertSettings };
  setAlertSettings: { params: { settings: Partial<AlertSettings> }; result: AlertSettings };
  /** Recorded sessions on disk, newest first. */
  listSessions: { params: Record<string, never>; result: SessionSummary[] };
  /** A window of a recorded session, downsampled to at most `maxPoints` samples. */
  getSessionSeries: {
    params: { sessionId: string; fromMs?: number; toMs?: number; maxPoints?: number };
    result: SessionSeries;
  };
  deleteSession: { params: { sessionId: string }; result: { deleted: true } };
  /**
   * Takes a heap snapshot of a watched target, streamed to disk as V8 produces it (into the
   * watch's session folder unless `path` names a `.heapsnapshot` file). Progress arrives as
   * `snapshotProgress` events. A capture that fails or is cancelled leaves no file behind.
   */
  takeSnapshot: {
    params: { watchId: string; options?: SnapshotOptions; path?: string };
    result: SnapshotFileInfo;
  };
  /** Cancels the watch's capture in progress; its partial file is deleted. */
  cancelSnapshot: { params: { watchId: string }; result: { cancelled: boolean } };
  /**
   * Parses and analyses a `.heapsnapshot` file in a worker thread of its own; progress arrives
   * as `snapshotLoadProgress`. Everything else about it is read by page. `cache: false` neither
   * reads nor writes the saved analysis beside the file (for throwaway files, such as a CI run's).
   */
  openSnapshot: { params: { path: string; cache?: boolean }; result: OpenedSnapshotInfo };
  /** Snapshot files taken in sessions or opened before (recent files), newest first. */
  listSnapshots: { params: Record<string, never>; result: SnapshotEntry[] };
  /** Adds an existing `.heapsnapshot` file to the library without opening it. */
  importSnapshot: { params: { path: string }; result: SnapshotEntry };
  renameSnapshot: { params: { path: string; name: string }; result: SnapshotEntry };
  /**
   * Removes a snapshot from the library; a session's snapshot file is deleted with it, an
   * imported file only when `deleteFile`.
   */
  deleteSnapshot: { params: { path: string; deleteFile?: boolean }; result: { deleted: true } };
  /** Saves a copy of a snapshot as another `.heapsnapshot` file. */
  exportSnapshot: { params: { path: string; destination: string }; result: { path: string; sizeBytes: number } };
  /**
   * Asks the user for a `.heapsnapshot` file with the system's file dialog (desktop app only:
   * `available` is false elsewhere); `path` is absent when they cancelled.
   */
  chooseSnapshotFile: { params: Record<string, never>; result: { available: boolean; path?: string } };
  /** Shows the file in the system file manager when the shell can; else says where it is. */
  revealSnapshot: { params: { path: string }; result: { revealed: boolean; path: string } };
  /** Frees an open snapshot; an open still in progress fails with CANCELLED. */
  closeSnapshot: { params: { snapshotId: string }; result: { closed: boolean } };
  /**
   * The summary by class, sorted, filtered by name (case-insensitive substring, or with `regex`
   * a regular expression, also ignoring case; an invalid or exponential pattern fails with
   * INVALID_ARGUMENT) and limited to the objects `objects` selects.
   */
  getSnapshotClasses: {
    params: {
      snapshotId: string;
      offset?: number;
      limit?: number;
      sortBy?: ClassSortKey;
      ascending?: boolean;
      filter?: string;
      regex?: boolean;
      objects?: ObjectFilter;
    };
    result: Page<ClassRow>;
  };
  /**
   * The objects of one class (a summary row), sorted (default: biggest retained size first; ties
   * in snapshot order); a million instances page like ten.
   */
  getClassInstances: {
    params: {
      snapshotId: string;
      classId: number;
      offset?: number;
      limit?: number;
      sortBy?: InstanceSortKey;
      ascending?: boolean;
      objects?: ObjectFilter;
    };
    result: Page<ObjectRow>;
  };
  /** The objects that keep the most memory alive. */
  getTopRetainers: { params: { snapshotId: string; limit?: number }; result: ObjectRow[] };
  /** One object, by ordinal or by V8 object id (`@123` in DevTools). */
  getSnapshotObject: { params: { snapshotId: string; ordinal?: number; id?: number }; result: ObjectRow };
  /** What the inspector shows: string value, sliced parent, closure location... */
  getObjectDetails: { params: { snapshotId: string; ordinal: number }; result: ObjectDetails };
  /** The references an object holds (Containment starts at `rootOrdinal`). */
  getObjectEdges: { params: { snapshotId: string; ordinal: number; offset?: number; limit?: number }; result: Page<EdgeRow> };
  /**
   * The references that hold an object, nearest to the GC roots first (ties in V8's order).
   * `hide` leaves out noise (counted in `hidden`); `ignored` objects are treated as not retaining
   * anything, and the distances are recomputed without them: each row's `node.distance` is that
   * distance, at or above UNREACHABLE_DISTANCE_BASE for a retainer no longer reachable.
   */
  getObjectRetainers: {
    params: { snapshotId: string; ordinal: number; offset?: number; limit?: number; hide?: RetainerNoise[]; ignored?: number[] };
    result: RetainersPage;
  };
  /** The objects an object immediately dominates, biggest retained size first. */
  getDominatorChildren: { params: { snapshotId: string; ordinal: number; offset?: number; limit?: number }; result: Page<ObjectRow> };
  /**
   * Compares two open snapshots: objects matched by V8 id when both come from one process and
   * the ids were not reset, else class totals by name (and `warning` says so).
   */
  compareSnapshots: { params: { baseSnapshotId: string; targetSnapshotId: string }; result: ComparisonInfo };
  /** The comparison class by class. */
  getComparisonClasses: {
    params: { comparisonId: string; offset?: number; limit?: number; sortBy?: ClassDiffSortKey; ascending?: boolean; filter?: string };
    result: Page<ClassDiffRow>;
  };
  /** A class's new objects (in the target snapshot) or deleted ones (in the base), biggest first. */
  getComparisonObjects: {
    params: { comparisonId: string; className: string; change: 'new' | 'deleted'; offset?: number; limit?: number };
    result: Page<ObjectRow>;
  };
  /** The objects allocated after the base and alive in the target, grouped by retaining path. */
  getAllocatedClusters: { params: { comparisonId: string; limit?: number }; result: RetainerCluster[] };
  /** MemLab-style leak candidates across three snapshots of one process. */
  findLeaks: {
    params: { baselineSnapshotId: string; targetSnapshotId: string; finalSnapshotId: string };
    result: LeakReport;
  };
  /** Counts and sizes per class and per retaining path across N ≥ 3 open snapshots, oldest first. */
  getTrend: { params: { snapshotIds: string[] }; result: TrendReport };
  /** Every finding for one snapshot or a series (oldest first), most memory at stake first. */
  getFindings: { params: { snapshotIds: string[] }; result: Finding[] };
  getBudgets: { params: Record<string, never>; result: Budget[] };
  setBudgets: { params: { budgets: Budget[] }; result: Budget[] };
  /** The budgets (the saved ones unless given) checked against each snapshot of a series. */
  checkBudgets: { params: { snapshotIds: string[]; budgets?: Budget[] }; result: BudgetResult[] };
  /**
   * Writes a report file (`.html`, `.json` or `.md`, by `format`) of snapshot files (one: a
   * snapshot report, two: a comparison, more: a trend with leak candidates) or of a recorded
   * session, with findings, and the saved budgets' verdicts.
   */
  exportReport: {
    params: { files?: string[]; sessionId?: string; format: 'html' | 'json' | 'md'; destination: string };
    result: { path: string; sizeBytes: number };
  };
  /** The object, its immediate dominator, that one's, and so on up to the GC root. */
  getDominatorPath: { params: { snapshotId: string; ordinal: number }; result: ObjectRow[] };
}

export type MethodName = keyof ApiMethods;
export type ParamsOf<M extends MethodName> = ApiMethods[M]['params'];
export type ResultOf<M extends MethodName> = ApiMethods[M]['result'];

/** The method names as a value: the preload bridge and the dispatcher check calls against it. */
export const METHOD_NAMES = [
  'listTargets',
  'attach',
  'detach',
  'listWatches',
  'setSampleInterval',
  'listWorkers',
  'collectGarbage',
  'getRecentSamples',
  'getAlertSettings',
  'setAlertSettings',
  'listSessions',
  'getSessionSeries',
  'deleteSession',
  'takeSnapshot',
  'cancelSnapshot',
  'openSnapshot',
  'closeSnapshot',
  'listSnapshots',
  'importSnapshot',
  'renameSnapshot',
  'deleteSnapshot',
  'exportSnapshot',
  'chooseSnapshotFile',
  'revealSnapshot',
  'getSnapshotClasses',
  'getClassInstances',
  'getTopRetainers',
  'getSnapshotObject',
  'getObjectDetails',
  'getObjectEdges',
  'getObjectRetainers',
  'getDominatorChildren',
  'getDominatorPath',
  'compareSnapshots',
  'getComparisonClasses',
  'getComparisonObjects',
  'getAllocatedClusters',
  'findLeaks',
  'getTrend',
  'getFindings',
  'getBudgets',
  'setBudgets',
  'checkBudgets',
  'exportReport',
] as const satisfies readonly MethodName[];

// Fails to compile when a method is added to ApiMethods but not to METHOD_NAMES.
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: MissingMethods extends never ? true : never = true;
void everyMethodListed;

/** Events pushed to every client. */
export interface ApiEvents {
  sample: MemorySample;
  gc: GcEvent;
  alert: Alert;
  log: LogLine;
  watchStatus: WatchStatusEvent;
  /** A watch was added (attach from any client), so every client can list it. */
  watchAdded: WatchInfo;
  snapshotProgress: SnapshotProgress;
  snapshotLoadProgress: SnapshotLoadProgressEvent;
  /** A snapshot was added to the library or changed (captured, imported, renamed, analysed). */
  snapshotListed: SnapshotEntry;
  /** A snapshot left the library (deleted, or forgotten with its file kept). */
  snapshotRemoved: { path: string };
}

export type EventName = keyof ApiEvents;

export const EVENT_NAMES = [
  'sample',
  'gc',
  'alert',
  'log',
  'watchStatus',
  'watchAdded',
  'snapshotProgress',
  'snapshotLoadProgress',
  'snapshotListed',
  'snapshotRemoved',
] as const satisfies readonly EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
