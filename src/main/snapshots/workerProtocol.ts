import type { Result } from '../../shared/contract/result';
import type { ApiMethods } from '../../shared/contract/api';
import type { ClassRow, EdgeRow, ObjectDetails, ObjectRow, OpenedSnapshotInfo, Page, RetainersPage } from '../../shared/model/heapSnapshots';
import type { SnapshotLoadProgress } from '../worker/openSnapshot';

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
}

/** Main → worker while streaming: the next bytes of the snapshot, or the end of it. */
export type WorkerChunk = { chunk: Uint8Array } | { end: true };
