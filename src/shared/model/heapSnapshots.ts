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

export type HeapKind = Exclude<keyof HeapStatistics, 'totalBytes'>;

/** The kinds the statistics split the heap into, in display order: a full label and one short enough for a legend. */
export const HEAP_KINDS: readonly { key: HeapKind; label: string; shortLabel: string }[] = [
  { key: 'codeBytes', label: 'Code', shortLabel: 'Code' },
  { key: 'stringsBytes', label: 'Strings', shortLabel: 'Strings' },
  { key: 'jsArraysBytes', label: 'JS arrays', shortLabel: 'JS arrays' },
  { key: 'typedArraysBytes', label: 'Typed arrays and array buffers', shortLabel: 'Typed arrays' },
  { key: 'systemBytes', label: 'System objects', shortLabel: 'System' },
  { key: 'nativeBytes', label: 'Native (embedder) objects', shortLabel: 'Native' },
  { key: 'otherBytes', label: 'Other JS objects', shortLabel: 'Other' },
];

/** A window of a long list; the rest stays in the worker. */
export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export type ClassSortKey = 'retainedSizeBytes' | 'shallowSizeBytes' | 'count' | 'name' | 'minDistance';

export type InstanceSortKey = 'retainedSizeBytes' | 'selfSizeBytes' | 'distance' | 'id';

/**
 * Which objects a summary or an instance list covers (summary counts and sizes are recomputed
 * over them; a class's retained size sums its selected instances not dominated by another).
 * Presets: `detached` (DOM nodes no longer in a document), `eventHandlers` (event listeners, an
 * EventEmitter's `_events` functions or Blink's `…EventListener` wrappers, and everything they
 * dominate: what removing the listeners would free), `duplicatedStrings` (every copy of a string
 * value that occurs more than once), `unreachable` (no strong path from the root at all, as
 * DevTools' "distance −"). With `idRange` too, both must hold.
 */
export interface ObjectFilter {
  preset?: 'all' | 'detached' | 'eventHandlers' | 'duplicatedStrings' | 'unreachable';
  /** Objects with `afterId < id <= upToId`: allocated between two snapshots of one process. */
  idRange?: { afterId: number; upToId?: number };
}

/** Retainers a developer rarely means; hidden from retainer lists unless asked for. */
export type RetainerNoise = 'weak' | 'weakMapTable' | 'inspector' | 'internal';

export const RETAINER_NOISE: readonly RetainerNoise[] = ['weak', 'weakMapTable', 'inspector', 'internal'];

/**
 * In a page of retainers, a retainer no path from the GC roots reaches any more (because of the
 * `ignored` objects, or ever) has a distance at or above this, so it sorts last (DevTools' value).
 */
export const UNREACHABLE_DISTANCE_BASE = 200_000_000;

/** Objects at or above this distance are reached only through V8's own system roots (DevTools' value). */
export const SYSTEM_DISTANCE_BASE = 100_000_000;

/** No path from the GC roots reaches the object: −5 in object rows, the base above in retainer pages. */
export function isUnreachableDistance(distance: number): boolean {
  return distance < 0 || distance >= UNREACHABLE_DISTANCE_BASE;
}

/**
 * A page of retainers, and how many each hidden kind of noise left out (0 for kinds not hidden).
 * The kinds, first that applies:
 * - `weak`: weak references (WeakRef targets, weak cells, a WeakMap table's weak key slot...).
 * - `weakMapTable`: a WeakMap's backing table holding a value; the value's key holds it too,
 *   and that edge is kept, so the value is listed under its key.
 * - `inspector`: references the DevTools console or debugger holds (V8 names them
 *   "… / DevTools console"; the "(Debugger)" GC root).
 * - `internal`: V8's own bookkeeping: the snapshot root's links to the global objects, internal
 *   links from V8's hidden objects, hidden classes (maps) and code objects (shared function
 *   infos, feedback cells, scripts...), and V8's caches among the GC roots ("(Internalized
 *   strings)", "(Builtins)", "(Startup object cache)"...). GC roots a program controls, like
 *   "(Global handles)", "(Handle scope)" or "(Stack roots)", are not noise.
 */
export interface RetainersPage extends Page<EdgeRow> {
  hidden: Record<RetainerNoise, number>;
}

/** The longest string value the object inspector is sent. */
export const MAX_STRING_PREVIEW = 10_000;

/** Everything the inspector shows about one object. */
export interface ObjectDetails {
  object: ObjectRow;
  /**
   * For plain and concatenated strings: the value (cut at `MAX_STRING_PREVIEW` characters) and
   * the length of the value the snapshot holds. V8 records at most 1024 characters of any one
   * string (and nothing of a sliced string: see `slicedParent`); `truncated` says the value is
   * not the whole string, whether cut here or by V8.
   */
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
  /**
   * The highest JavaScript object id; objects allocated after this snapshot have larger ones.
   * (Embedder objects' even ids follow no allocation order and are not counted.)
   */
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
