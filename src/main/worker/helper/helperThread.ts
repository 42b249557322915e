import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { HeapdeckError, type ErrorCode } from '../../../shared/contract/errors';
import type { ClassAssignment } from '../graph/classAssignment';
import { ClassTable } from '../graph/classTable';
import type { HeapGraph } from '../graph/heapGraph';
import type { OwnershipGraph } from '../graph/pageOwnership';
import type { ScratchBuffers } from '../graph/scratchBuffers';
import type { EdgeShare } from '../parse/edgeRecords';
import type { JobRing, JobRingParts } from '../parse/jobRing';
import type { NodeShare } from '../parse/nodeRecords';
import type { SectionHelper } from '../parse/numberSection';
import { sharedArray } from '../parse/sharedArrays';
import { shareGraph } from './graphShare';
import type { ClassesResult, HelperTask, SummaryResult, TaskReply, TaskRequest } from './helperTasks';

/** The built entry that runs `serveHelper` (see electron.vite.config.ts). */
const HELPER_ENTRY = 'snapshotHelper';

export interface SectionRequest {
  ring: JobRingParts;
  share: NodeShare | EdgeShare;
}

export interface JobFailure {
  job: number;
  code: ErrorCode;
  message: string;
}

/**
 * The built helper script beside this bundle (or its parent, when this code sits in a shared
 * chunk), or undefined when running from sources, where everything stays on one thread.
 */
export function locateHelperScript(): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, dirname(here)]) {
    for (const extension of ['.js', '.mjs']) {
      const path = join(dir, HELPER_ENTRY + extension);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A second thread for one snapshot's analysis: it scans and stores jobs of the `nodes` and
 * `edges` sections beside the reading thread, counts retainers and marks what the globals own
 * while the strings are read, and folds owned sizes, measures distances and names classes
 * while this thread builds the retainers and dominators.
 * All big arrays are shared, never copied.
 */
export class HelperThread implements SectionHelper {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  private attached: HeapGraph | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly sectionPort: MessagePort,
  ) {
    worker.on('message', (reply: TaskReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('it exited')));
  }

  static start(script: string): HelperThread {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, { workerData: { sectionPort: port2 }, transferList: [port2] });
    // Kept alive only while a task is pending (see `run`).
    worker.unref();
    port1.unref();
    return new HelperThread(worker, port1);
  }

  serve(ring: JobRing, share: unknown): void {
    const request: SectionRequest = { ring: ring.parts, share: share as NodeShare | EdgeShare };
    this.sectionPort.postMessage(request);
  }

  takeErrors(): Map<number, HeapdeckError> {
    const errors = new Map<number, HeapdeckError>();
    for (let received = receiveMessageOnPort(this.sectionPort); received; received = receiveMessageOnPort(this.sectionPort)) {
      const failure = received.message as JobFailure;
      errors.set(failure.job, new HeapdeckError(failure.code, failure.message));
    }
    return errors;
  }

  /** Each node's retainer count at `[node + 1]` of a new shared array of node count + 1 entries. */
  async countRetainers(edgeTargets: Uint32Array, nodeCount: number): Promise<Uint32Array> {
    const counts = sharedArray(Uint32Array, nodeCount + 1);
    await this.run({ name: 'countRetainers', edgeTargets, counts });
    return counts;
  }

  /** Marks what the global objects reach (see pageOwnership.ts) into a new shared array, using `stack` (shared, node count entries) meanwhile. */
  async markGlobalsOwned(graph: OwnershipGraph, stack: Uint32Array): Promise<Uint8Array> {
    const owned = sharedArray(Uint8Array, graph.nodeCount);
    await this.run({ name: 'markGlobalsOwned', graph, owned, stack });
    return owned;
  }

  /** Folds owned sizes into the shared `selfSizes` of `graph` (see ownedSizes.ts) in `buffers`' shared work arrays. */
  async foldOwnedSizes(graph: HeapGraph, buffers: ScratchBuffers): Promise<void> {
    this.attach(graph);
    const lent = [buffers.take(), buffers.take()];
    await this.run({ name: 'foldOwnedSizes', buffers: lent });
    buffers.give(...lent);
  }

  /** Distances from the roots (see distances.ts), written into a buffer taken from `buffers`. */
  async distances(graph: HeapGraph, buffers: ScratchBuffers): Promise<Int32Array> {
    this.attach(graph);
    const lent = buffers.take();
    await this.run({ name: 'distances', buffer: lent });
    return new Int32Array(lent.buffer, lent.byteOffset, graph.nodeCount);
  }

  async classes(graph: HeapGraph): Promise<ClassAssignment> {
    this.attach(graph);
    const result = (await this.run({ name: 'classes' })) as ClassesResult;
    const table = ClassTable.replay(result.classes);
    if (!table) throw new HeapdeckError('INTERNAL', 'The helper thread sent back an inconsistent class table.');
    return { table, classIds: result.classIds, interfaces: result.interfaces };
  }

  /** Memory by kind and per-class totals, once `firstRetainer` (shared) is complete; after `distances` and `classes`. */
  async summarize(firstRetainer: Uint32Array): Promise<SummaryResult> {
    return (await this.run({ name: 'summarize', firstRetainer })) as SummaryResult;
  }

  async close(): Promise<void> {
    this.sectionPort.close();
    await this.worker.terminate();
  }

  /** Sends the graph once; tasks run in order, so the ones after it see it. */
  private attach(graph: HeapGraph): void {
    if (this.attached === graph) return;
    this.attached = graph;
    this.run({ name: 'attachGraph', graph: shareGraph(graph) }).catch(() => undefined);
  }

  private run(task: HelperTask): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: TaskRequest = { id, task };
    // A pending task keeps the process alive, as the same work on this thread would.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private settle(reply: TaskReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) pending.reject(new HeapdeckError('INTERNAL', `The snapshot helper thread failed: ${reply.error}`));
    else pending.resolve(reply.result);
  }

  private fail(cause: Error): void {
    this.failure ??= new HeapdeckError('INTERNAL', `The snapshot helper thread stopped: ${cause.message}`);
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}
