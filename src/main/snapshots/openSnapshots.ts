import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { setTimeout as delay } from 'node:timers/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import type { EventHub } from '../rpc/eventHub';
import type { OpenedSnapshotInfo } from '../../shared/model/heapSnapshots';
import type { WorkerChunk, WorkerCall, WorkerMessage, WorkerMethodName, WorkerMethods, WorkerStart } from './workerProtocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: HeapdeckError): void;
}

interface OpenSnapshot {
  path: string;
  worker: Worker;
  pending: Map<number, Pending>;
  nextId: number;
  /** Set when Heapdeck itself stops the worker, so its exit is not reported as a crash. */
  stopping?: HeapdeckError;
  /** Settles once the worker has written (or given up writing) the analysis cache. */
  cacheSettled: Promise<void>;
  settleCache(): void;
  /** Set once the worker has opened the file. */
  info?: OpenedSnapshotInfo;
}

/** A snapshot being analysed while its capture streams in. */
export interface StreamedSnapshot {
  opened: Promise<OpenedSnapshotInfo>;
  write(chunk: string): void;
  end(): void;
  abort(): Promise<void>;
}

/** How long closing waits for a cache write in progress; a 1 GB snapshot's takes a few seconds. */
const CACHE_WRITE_GRACE_MS = 30_000;


/**
 * The snapshots open in this run, one worker thread each: the heap graph lives and dies with
 * its thread. A crash or an out-of-memory loses that one snapshot, closing frees all of its
 * memory at once, cancelling stops even a long parse at once, and two snapshots analyse in
 * parallel.
 */
export class OpenSnapshots {
  private readonly snapshots = new Map<string, OpenSnapshot>();
  private readonly closedListeners = new Set<(snapshotId: string) => void>();

  constructor(
    private readonly workerPath: string,
    private readonly events: EventHub,
  ) {}

  /**
   * Parses and analyses a file in a new worker; progress arrives as `snapshotLoadProgress`.
   * `cache: false`: the saved analysis beside the file is neither read nor written.
   */
  async open(path: string, options: { cache?: boolean } = {}): Promise<OpenedSnapshotInfo> {
    return this.start({ path: resolve(path), ...(options.cache === false ? { useCache: false } : {}) }).opened;
  }

  /**
   * Analyses a snapshot while a capture streams it to `path`: `write` each chunk as it arrives,
   * then `end`. `abort` (a failed or cancelled capture) stops the worker.
   */
  openStreamed(path: string): StreamedSnapshot {
    const { snapshotId, worker, opened } = this.start({ path: resolve(path), streamed: true });
    // Whoever streams reads `opened` only after the last chunk; a worker that fails before then
    // must not count as an unhandled rejection (which would end the process).
    opened.catch(() => undefined);
    const encoder = new TextEncoder();
    const post = (message: WorkerChunk, transfer?: ArrayBuffer[]) => {
      if (this.snapshots.has(snapshotId)) worker.postMessage(message, transfer);
    };
    return {
      opened,
      write(chunk) {
        // A fresh buffer per chunk, handed over rather than copied into the worker.
        const bytes = encoder.encode(chunk);
        post({ chunk: bytes }, [bytes.buffer as ArrayBuffer]);
      },
      end: () => post({ end: true }),
      abort: () => this.close(snapshotId).then(() => undefined),
    };
  }

  private start(workerData: WorkerStart): { snapshotId: string; worker: Worker; opened: Promise<OpenedSnapshotInfo> } {
    const snapshotId = `s-${randomBytes(4).toString('hex')}`;
    if (!existsSync(this.workerPath)) {
      throw new HeapdeckError('INTERNAL', `The snapshot worker is not built (${this.workerPath} is missing): run "npm run build".`);
    }
    const worker = new Worker(this.workerPath, { workerData });
    let settleCache = () => undefined as void;
    const cacheSettled = new Promise<void>((resolve) => (settleCache = resolve));
    const snapshot: OpenSnapshot = { path: workerData.path, worker, pending: new Map(), nextId: 1, cacheSettled, settleCache };
    this.snapshots.set(snapshotId, snapshot);

    const opened = new Promise<OpenedSnapshotInfo>((resolveOpen, rejectOpen) => {
      // The open itself is pending call 0 until the worker says it is ready.
      snapshot.pending.set(0, { resolve: resolveOpen as (value: unknown) => void, reject: rejectOpen });
      worker.on('message', (message: WorkerMessage) => this.onMessage(snapshotId, snapshot, message));
      worker.on('error', (error) => this.end(snapshotId, crashed(error.message)));
      worker.on('exit', (code) => this.end(snapshotId, snapshot.stopping ?? crashed(`it exited with code ${code}`)));
    });
    return { snapshotId, worker, opened };
  }

  /** Calls the snapshot's worker; `transfer`: buffers of `params` handed over rather than copied. */
  call<M extends WorkerMethodName>(
    snapshotId: string,
    method: M,
    params: WorkerMethods[M]['params'],
    transfer?: ArrayBuffer[],
  ): Promise<WorkerMethods[M]['result']> {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot || snapshot.pending.has(0)) {
      const state = snapshot ? 'is still opening' : 'is not open (it was closed, or its worker stopped)';
      return Promise.reject(new HeapdeckError('NOT_FOUND', `Snapshot ${snapshotId} ${state}.`));
    }
    const id = snapshot.nextId++;
    return new Promise((resolveCall, rejectCall) => {
      snapshot.pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject: rejectCall });
      snapshot.worker.postMessage({ id, method, params } satisfies WorkerCall, transfer);
    });
  }

  /**
   * Stops the snapshot's worker; an open still in progress fails with CANCELLED at once. An
   * opened snapshot first finishes writing its cache, so the next open is instant.
   */
  async close(snapshotId: string): Promise<{ closed: boolean }> {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot) return { closed: false };
    if (!snapshot.pending.has(0)) {
      await Promise.race([snapshot.cacheSettled, delay(CACHE_WRITE_GRACE_MS, undefined, { ref: false })]);
    }
    snapshot.stopping = new HeapdeckError('CANCELLED', `Snapshot ${snapshot.path} was closed.`);
    await snapshot.worker.terminate();
    return { closed: true };
  }

  /** Closes every open snapshot of one file, e.g. before the file is deleted. */
  async closeFile(path: string): Promise<void> {
    const key = resolve(path);
    const ids = [...this.snapshots].filter(([, snapshot]) => snapshot.path === key).map(([snapshotId]) => snapshotId);
    await Promise.all(ids.map((snapshotId) => this.close(snapshotId)));
  }

  /** Calls `listener` with the id of each snapshot that stops (closed, or its worker ended); returns an unsubscribe. */
  onClosed(listener: (snapshotId: string) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  /** A snapshot of the file at `path` that is open and ready, if there is one. */
  openedOf(path: string): OpenedSnapshotInfo | undefined {
    const key = resolve(path);
    for (const snapshot of this.snapshots.values()) if (snapshot.path === key && snapshot.info) return snapshot.info;
    return undefined;
  }

  /** The file an open snapshot was read from; undefined when it is not open. */
  pathOf(snapshotId: string): string | undefined {
    return this.snapshots.get(snapshotId)?.path;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.snapshots.keys()].map((snapshotId) => this.close(snapshotId)));
  }

  private onMessage(snapshotId: string, snapshot: OpenSnapshot, message: WorkerMessage): void {
    if (message.type === 'cacheSettled') {
      snapshot.settleCache();
      return;
    }
    if (message.type === 'progress') {
      this.events.emit('snapshotLoadProgress', { snapshotId, path: snapshot.path, ...message.progress });
      return;
    }
    const id = message.type === 'opened' ? 0 : message.id;
    const pending = snapshot.pending.get(id);
    snapshot.pending.delete(id);
    if (message.result.ok) {
      if (message.type === 'opened') {
        snapshot.info = { ...message.result.value, snapshotId, path: snapshot.path };
        pending?.resolve(snapshot.info);
      } else {
        pending?.resolve(message.result.value);
      }
      return;
    }
    pending?.reject(HeapdeckError.fromDto(message.result.error));
    if (message.type === 'opened') void this.close(snapshotId);
  }

  private end(snapshotId: string, reason: HeapdeckError): void {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot) return;
    this.snapshots.delete(snapshotId);
    snapshot.settleCache();
    for (const pending of snapshot.pending.values()) pending.reject(reason);
    snapshot.pending.clear();
    for (const listener of this.closedListeners) listener(snapshotId);
  }
}

function crashed(why: string): HeapdeckError {
  return new HeapdeckError('WORKER_CRASHED', `The analysis of this snapshot stopped (${why}); open the snapshot again.`);
}
