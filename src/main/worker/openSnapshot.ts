import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { freemem } from 'node:os';
import { HeapdeckError } from '../../shared/contract/errors';
import { snapshotIdentity } from './cache/cacheHeader';
import { readSnapshotCache, writeSnapshotCache } from './cache/snapshotCache';
import { analyzeGraph, type AnalysisStep, type GlobalsOwned, type HeapAnalysis } from './graph/analyzeGraph';
import { HelperThread, locateHelperScript } from './helper/helperThread';
import { HeapSnapshotModel } from './model/heapSnapshotModel';
import { fileChunks } from './parse/fileChunks';
import { parseSnapshot } from './parse/parseSnapshot';
import { sharedArray } from './parse/sharedArrays';
import type { SnapshotLayout } from './parse/snapshotMeta';

export type SnapshotLoadProgress =
  /** `fromCache`: the bytes are the saved analysis beside the snapshot, not the snapshot. */
  | { step: 'reading'; bytesRead: number; totalBytes?: number; fromCache?: boolean }
  | { step: AnalysisStep };

export interface LoadSnapshotOptions {
  onProgress?: (progress: SnapshotLoadProgress) => void;
  signal?: AbortSignal;
  /** Size of the whole input when known, for progress. */
  totalBytes?: number;
  /** DevTools' shallow sizes (default) or V8's raw ones; see analyzeGraph. */
  foldOwnedSizes?: boolean;
  /** Refuse, before allocating, a snapshot estimated to need more (default: free memory). */
  memoryLimitBytes?: number;
  /** Read the saved analysis beside the file when valid, and allow saving one (default true). */
  useCache?: boolean;
  /**
   * The built helper thread's script: by default found beside this bundle and used for big
   * snapshots; a path to use it for everything whatever the size; null to stay on one thread.
   */
  helperScript?: string | null;
  /**
   * Whether the helper also takes part in the analysis, not only the parse (default: for
   * snapshots of 20 M numbers or more, and whenever `helperScript` is given).
   */
  helperAnalysis?: boolean;
}

/** An opened file, and how to save its analysis for the next open. */
export interface OpenedSnapshotModel {
  model: HeapSnapshotModel;
  fromCache: boolean;
  /** Writes the cache when the file was parsed; never rejects (resolves to whether it wrote). */
  saveCache(): Promise<boolean>;
}

// Peak bytes per node and per edge while parsing and analysing (measured, rounded up), plus
// room for the string table and the runtime.
const BYTES_PER_NODE = 100;
const BYTES_PER_EDGE = 14;
const BASE_BYTES = 128 * 1024 * 1024;
// Below this many numbers in `nodes` and `edges` a second thread costs more than it saves.
const HELPER_MIN_VALUES = 4_000_000;
// Below this many, the helper parses (and, while the strings are read, counts retainers and
// marks what the globals own) and is gone before the analysis: its own memory (~15 MB) would
// be a tenth of the peak, for little time saved.
const HELPER_ANALYSIS_MIN_VALUES = 20_000_000;

/** Roughly how much memory analysing a snapshot with this header needs. */
export function estimateMemoryBytes(layout: Pick<SnapshotLayout, 'nodeCount' | 'edgeCount'>): number {
  return layout.nodeCount * BYTES_PER_NODE + layout.edgeCount * BYTES_PER_EDGE + BASE_BYTES;
}

function formatGigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Parses and analyses a snapshot arriving as byte chunks (a file, or a capture in progress). */
export async function loadSnapshot(chunks: AsyncIterable<Uint8Array>, options: LoadSnapshotOptions = {}): Promise<HeapSnapshotModel> {
  return new HeapSnapshotModel(await loadAnalysis(chunks, options));
}

async function loadAnalysis(chunks: AsyncIterable<Uint8Array>, options: LoadSnapshotOptions): Promise<HeapAnalysis> {
  const { onProgress, signal } = options;
  let helper: HelperThread | undefined;
  let helpsAnalysis = false;
  let retainerCounts: Promise<Uint32Array> | undefined;
  let globalsOwned: Promise<GlobalsOwned> | undefined;
  try {
    const graph = await parseSnapshot(chunks, {
      signal,
      onBytesRead: (bytesRead) => onProgress?.({ step: 'reading', bytesRead, totalBytes: options.totalBytes }),
      onLayout: (layout) => {
        const needed = estimateMemoryBytes(layout);
        const limit = options.memoryLimitBytes ?? freemem();
        if (needed > limit) {
          throw new HeapdeckError(
            'SNAPSHOT_TOO_LARGE',
            `This snapshot has ${layout.nodeCount} objects and ${layout.edgeCount} references; analysing it needs about ` +
              `${formatGigabytes(needed)} of memory but only ${formatGigabytes(limit)} is available. Close other programs or open it on a bigger machine.`,
          );
        }
        const values = layout.nodeCount * layout.nodeFieldCount + layout.edgeCount * layout.edgeFieldCount;
        const script = helperScriptFor(values, options.helperScript);
        if (script) helper = HelperThread.start(script);
        helpsAnalysis = script !== undefined && (options.helperAnalysis ?? (options.helperScript !== undefined || values >= HELPER_ANALYSIS_MIN_VALUES));
      },
      sectionHelper: () => helper,
      onEdges: ({ edgeTargets, nodeCount, graph }) => {
        if (!helper) return;
        retainerCounts = helper.countRetainers(edgeTargets, nodeCount);
        if (graph) {
          // The work stack goes to the analysis' buffers afterwards, hence node count + 1 entries.
          const stack = sharedArray(Uint32Array, nodeCount + 1);
          globalsOwned = helper.markGlobalsOwned(graph, stack).then((owned) => ({ owned, stack }));
        }
        // Awaited by the analysis; a parse error later must not leave them unhandled.
        retainerCounts.catch(() => undefined);
        globalsOwned?.catch(() => undefined);
      },
    });
    if (!helpsAnalysis && helper) {
      // Their results are this thread's now (shared arrays); the thread can go.
      await Promise.allSettled([retainerCounts, globalsOwned]);
      await helper.close();
      helper = undefined;
    }
    return await analyzeGraph(graph, {
      foldOwnedSizes: options.foldOwnedSizes,
      helper,
      retainerCounts,
      globalsOwned,
      onStep: (step) => onProgress?.({ step }),
      checkpoint: () => {
        if (signal?.aborted) throw new HeapdeckError('CANCELLED', 'Opening the snapshot was cancelled.');
      },
    });
  } finally {
    await helper?.close();
  }
}

/** The helper thread's script for a snapshot of `values` numbers, or undefined to use one thread. */
function helperScriptFor(values: number, script: string | null | undefined): string | undefined {
  if (script !== undefined) return script ?? undefined;
  return values >= HELPER_MIN_VALUES ? locateHelperScript() : undefined;
}

/** Opens a `.heapsnapshot` file: from its cache when valid, else streamed through the parser. */
export async function openSnapshot(path: string, options: LoadSnapshotOptions = {}): Promise<HeapSnapshotModel> {
  return (await openSnapshotWithCache(path, options)).model;
}

/** Opens a `.heapsnapshot` file like `openSnapshot`, and says whether the cache served it. */
export async function openSnapshotWithCache(path: string, options: LoadSnapshotOptions = {}): Promise<OpenedSnapshotModel> {
  const info = await statSnapshot(path);
  const loadOptions = { ...options, totalBytes: options.totalBytes ?? info.size };
  const foldOwnedSizes = options.foldOwnedSizes ?? true;
  // Without an identity (the header cannot be read) the parser reports what is wrong.
  const identity = options.useCache === false ? undefined : await snapshotIdentity(path, info).catch(() => undefined);
  if (identity) {
    const cached = await readSnapshotCache(path, identity, {
      foldOwnedSizes,
      signal: options.signal,
      onBytesRead: (bytesRead, totalBytes) => options.onProgress?.({ step: 'reading', bytesRead, totalBytes, fromCache: true }),
    });
    if (cached) return { model: new HeapSnapshotModel(cached), fromCache: true, saveCache: async () => false };
  }
  const analysis = await loadAnalysis(fileChunks(path), loadOptions);
  return {
    model: new HeapSnapshotModel(analysis),
    fromCache: false,
    saveCache: async () => (identity ? writeSnapshotCache(path, identity, analysis, foldOwnedSizes) : false),
  };
}

async function statSnapshot(path: string): Promise<Stats> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new HeapdeckError('INVALID_ARGUMENT', `${path} is not a file.`);
    return info;
  } catch (error) {
    if (error instanceof HeapdeckError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HeapdeckError('NOT_FOUND', `There is no snapshot file at ${path}.`);
    if (code === 'EACCES') throw new HeapdeckError('PERMISSION_DENIED', `Heapdeck may not read ${path}.`);
    throw new HeapdeckError('INTERNAL', `Could not read ${path}: ${(error as Error).message}`);
  }
}
