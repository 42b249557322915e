/** One object of a heap snapshot, as a row of a table. */
export interface ObjectRow {
  /** Index of the object in this snapshot (nodeIndex / fieldCount); valid for this snapshot only. */
  ordinal: number;
  /** V8's object id, stable across snapshots of one process (what diffs match on). */
  id: number;
  name: string;
  className: string;
  type: string;
  selfSizeBytes: number;
  retainedSizeBytes: number;
  /** Steps from the GC roots, as DevTools counts them. */
  distance: number;
}

/** A reference seen from one end: `node` is the target of an outgoing edge, or the retainer. */
export interface EdgeRow {
  edgeOrdinal: number;
  type: string;
  name: string;
  node: ObjectRow;
}

/** One line of the summary by class (constructor). */
export interface ClassRow {
  classId: number;
  name: string;
  /** Where the constructor is, for classes V8 recorded one for. */
  location?: { scriptId: number; line: number; column: number };
  count: number;
  shallowSizeBytes: number;
  retainedSizeBytes: number;
  minDistance: number;
}

/** Memory by kind, as DevTools' Statistics view computes it (bytes). */
export interface HeapStatistics {
  totalBytes: number;
  codeBytes: number;
  stringsBytes: number;
  jsArraysBytes: number;
  /** Array buffer backing stores (typed arrays, Buffers). */
  typedArraysBytes: number;
  systemBytes: number;
  /** Native (embedder) objects, including the extra native bytes the snapshot reports. */
  nativeBytes: number;
  /** What none of the above covers: the rest of the V8 heap. */
  otherBytes: number;
}

/** A window of a long list; the rest stays in the worker. */
export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export type ClassSortKey = 'retainedSizeBytes' | 'shallowSizeBytes' | 'count' | 'name' | 'minDistance';

export type InstanceSortKey = 'retainedSizeBytes' | 'selfSizeBytes' | 'distance' | 'id';

/**
 * Which objects a summary or an instance list covers. Presets: `detached` (DOM nodes no longer
 * in a document), `eventHandlers` (objects kept alive through event listeners), `duplicatedStrings`
 * (strings whose value occurs more than once), `unreachable` (not reachable from the GC roots).
 */
export interface ObjectFilter {
  preset?: 'all' | 'detached' | 'eventHandlers' | 'duplicatedStrings' | 'unreachable';
  /** Objects with `afterId < id <= upToId`: allocated between two snapshots of one process. */
  idRange?: { afterId: number; upToId?: number };
}

/** Retainers a developer rarely means; hidden from retainer lists unless asked for. */
export type RetainerNoise = 'weak' | 'weakMapTable' | 'inspector' | 'internal';

export const RETAINER_NOISE: readonly RetainerNoise[] = ['weak', 'weakMapTable', 'inspector', 'internal'];

/** A page of retainers, and how many each hidden kind of noise left out. */
export interface RetainersPage extends Page<EdgeRow> {
  hidden: Record<RetainerNoise, number>;
}

/** Everything the inspector shows about one object. */
export interface ObjectDetails {
  object: ObjectRow;
  /** For strings: the value (cut at `MAX_STRING_PREVIEW` characters) and its full length. */
  string?: { value: string; length: number; truncated: boolean };
  /** A sliced string's parent: the (often much larger) string it keeps alive. */
  slicedParent?: ObjectRow;
  /** A concatenated string's two halves. */
  concatenatedParts?: ObjectRow[];
  /** Where a closure's (or a class's) code is, when the snapshot recorded it. */
  location?: { scriptId: number; line: number; column: number; scriptName?: string };
  /** DOM node no longer attached to a document. */
  detached?: boolean;
}

/** An analysed snapshot, open in its own worker thread. */
export interface OpenedSnapshotInfo {
  snapshotId: string;
  path: string;
  nodeCount: number;
  edgeCount: number;
  totalSizeBytes: number;
  classCount: number;
  statistics: HeapStatistics;
  /** The synthetic root: where Containment and Dominators start. */
  rootOrdinal: number;
  /** The highest object id; objects allocated after this snapshot have larger ones. */
  maxObjectId: number;
}

/**
 * Progress of opening a snapshot: reading the file, then each analysis step; or only reading
 * the saved analysis beside the file (`fromCache`), which has no analysis steps.
 */
export type SnapshotLoadProgressEvent = { snapshotId: string; path: string } & (
  | { step: 'reading'; bytesRead: number; totalBytes?: number; fromCache?: boolean }
  | { step: 'retainers' | 'dominators' | 'distances' | 'classes' | 'summary' }
);
