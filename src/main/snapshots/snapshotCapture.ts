import { createWriteStream } from 'node:fs';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import type { SnapshotOptions, SnapshotProgress } from '../../shared/model/snapshots';
import type { CdpSession } from '../cdp/cdpSession';

/** Progress events are for a progress bar; more than ten a second is noise. */
const PROGRESS_INTERVAL_MS = 100;
const GC_TIMEOUT_MS = 120_000;

export interface CaptureRequest {
  session: CdpSession;
  /** The final file; the capture writes `<path>.partial` and renames it once complete. */
  path: string;
  options: SnapshotOptions;
  signal: AbortSignal;
  onProgress(progress: Omit<SnapshotProgress, 'watchId'>): void;
  /** Each chunk as it arrives, for analysis alongside the capture. */
  onChunk?(chunk: string): void;
}

/**
 * Streams `HeapProfiler.takeHeapSnapshot` to disk chunk by chunk, never holding the snapshot
 * in memory. The file appears under its name only when complete: a capture that is cancelled,
 * whose target dies, or whose disk fills up deletes its partial file and says so.
 */
export async function captureSnapshot(request: CaptureRequest): Promise<{ sizeBytes: number; durationMs: number }> {
  const { session, path, options, signal, onProgress, onChunk } = request;
  if (await exists(path)) throw new HeapdeckError('INVALID_ARGUMENT', `${path} already exists; choose another file name.`);
  const partialPath = `${path}.partial`;
  const startedAt = Date.now();
  const file = createWriteStream(partialPath, { flags: 'wx' });
  let bytesWritten = 0;
  let lastProgressAt = 0;
  const report = (progress: Omit<SnapshotProgress, 'watchId' | 'bytesWritten'>, force = false) => {
    const now = Date.now();
    if (!force && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    onProgress({ ...progress, bytesWritten });
  };
  const stops = [
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
      bytesWritten += Buffer.byteLength(chunk);
      file.write(chunk);
      onChunk?.(chunk);
      report({ phase: 'write', done: bytesWritten, total: 0 });
    }),
    session.on('HeapProfiler.reportHeapSnapshotProgress', ({ done, total }) => report({ phase: 'capture', done, total })),
  ];
  const fileFailed = new Promise<never>((_, reject) => file.once('error', reject));
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new HeapdeckError('CANCELLED', 'The capture was cancelled.'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const taking = takeSnapshot(session, options, report);
  // Whichever loses the race may still settle later; that must not be an unhandled rejection.
  for (const pending of [taking, fileFailed, cancelled]) pending.catch(() => undefined);
  try {
    await Promise.race([taking, fileFailed, cancelled]);
    file.end();
    await Promise.race([finished(file), fileFailed]);
    await checkComplete(partialPath, bytesWritten);
    await rename(partialPath, path);
    report({ phase: 'done', done: bytesWritten, total: bytesWritten }, true);
    return { sizeBytes: bytesWritten, durationMs: Date.now() - startedAt };
  } catch (error) {
    file.destroy();
    await unlink(partialPath).catch(() => undefined);
    throw explainFailure(error);
  } finally {
    stops.forEach((stop) => stop());
  }
}

async function takeSnapshot(
  session: CdpSession,
  options: SnapshotOptions,
  report: (progress: Omit<SnapshotProgress, 'watchId' | 'bytesWritten'>, force?: boolean) => void,
): Promise<void> {
  await session.send('HeapProfiler.enable');
  if (options.collectGarbageFirst ?? true) {
    report({ phase: 'gc', done: 0, total: 0 }, true);
    await session.send('HeapProfiler.collectGarbage', {}, { timeoutMs: GC_TIMEOUT_MS });
  }
  // No timeout: a multi-GB heap takes minutes, and every chunk arrives before this resolves.
  await session.send(
    'HeapProfiler.takeHeapSnapshot',
    {
      reportProgress: true,
      exposeInternals: options.exposeInternals ?? false,
      captureNumericValue: options.captureNumericValue ?? false,
    },
    { timeoutMs: 0 },
  );
}

/** A snapshot is one JSON object: a stream that stopped early does not end with `}`. */
async function checkComplete(partialPath: string, expectedBytes: number): Promise<void> {
  const info = await stat(partialPath);
  const handle = await open(partialPath, 'r');
  try {
    const tail = Buffer.alloc(Math.min(64, info.size));
    await handle.read(tail, 0, tail.length, info.size - tail.length);
    if (info.size !== expectedBytes || !tail.toString('utf8').trimEnd().endsWith('}')) {
      throw new HeapdeckError('SNAPSHOT_PARSE', `The target sent an incomplete snapshot (${info.size} bytes).`);
    }
  } finally {
    await handle.close();
  }
}

function explainFailure(error: unknown): unknown {
  const deleted = 'The incomplete snapshot file was deleted.';
  if (error instanceof HeapdeckError) {
    if (error.code === 'TARGET_DETACHED') {
      return new HeapdeckError('TARGET_DETACHED', `The target went away during the capture (${error.message}). ${deleted}`);
    }
    return new HeapdeckError(error.code, `${error.message} ${deleted}`);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new HeapdeckError('INTERNAL', `The disk is full. ${deleted}`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new HeapdeckError('PERMISSION_DENIED', `Heapdeck may not write there (${(error as Error).message}).`);
  }
  if (code === 'ENOENT') return new HeapdeckError('INVALID_ARGUMENT', `The folder does not exist (${(error as Error).message}).`);
  return error;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
