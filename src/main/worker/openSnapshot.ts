import { stat } from 'node:fs/promises';
import { freemem } from 'node:os';
import { HeapdeckError } from '../../shared/contract/errors';
import { analyzeGraph, type AnalysisStep } from './graph/analyzeGraph';
import { HeapSnapshotModel } from './model/heapSnapshotModel';
import { fileChunks } from './parse/fileChunks';
import { parseSnapshot } from './parse/parseSnapshot';
import type { SnapshotLayout } from './parse/snapshotMeta';

export type SnapshotLoadProgress =
  | { step: 'reading'; bytesRead: number; totalBytes?: number }
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
}

// Peak bytes per node and per edge while parsing and analysing (measured, rounded up), plus
// room for the string table and the runtime.
const BYTES_PER_NODE = 100;
const BYTES_PER_EDGE = 14;
const BASE_BYTES = 128 * 1024 * 1024;

/** Roughly how much memory analysing a snapshot with this header needs. */
export function estimateMemoryBytes(layout: Pick<SnapshotLayout, 'nodeCount' | 'edgeCount'>): number {
  return layout.nodeCount * BYTES_PER_NODE + layout.edgeCount * BYTES_PER_EDGE + BASE_BYTES;
}

function formatGigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Parses and analyses a snapshot arriving as byte chunks (a file, or a capture in progress). */
export async function loadSnapshot(chunks: AsyncIterable<Uint8Array>, options: LoadSnapshotOptions = {}): Promise<HeapSnapshotModel> {
  const { onProgress, signal } = options;
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
    },
  });
  const analysis = analyzeGraph(graph, {
    foldOwnedSizes: options.foldOwnedSizes,
    onStep: (step) => onProgress?.({ step }),
    checkpoint: () => {
      if (signal?.aborted) throw new HeapdeckError('CANCELLED', 'Opening the snapshot was cancelled.');
    },
  });
  return new HeapSnapshotModel(analysis);
}

/** Opens a `.heapsnapshot` file: streams it through the parser and analyses it. */
export async function openSnapshot(path: string, options: LoadSnapshotOptions = {}): Promise<HeapSnapshotModel> {
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new HeapdeckError('INVALID_ARGUMENT', `${path} is not a file.`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof HeapdeckError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HeapdeckError('NOT_FOUND', `There is no snapshot file at ${path}.`);
    if (code === 'EACCES') throw new HeapdeckError('PERMISSION_DENIED', `Heapdeck may not read ${path}.`);
    throw new HeapdeckError('INTERNAL', `Could not read ${path}: ${(error as Error).message}`);
  }
  return loadSnapshot(fileChunks(path), { ...options, totalBytes: options.totalBytes ?? totalBytes });
}
