import { parentPort, workerData } from 'node:worker_threads';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure, ok } from '../../shared/contract/result';
import type { WorkerCall, WorkerChunk, WorkerMessage, WorkerMethods, WorkerStart } from '../snapshots/workerProtocol';
import { measureObjects } from './analyses/growthSeries';
import { seriesAnalysis } from './analyses/seriesAnalyses';
import { snapshotContext } from './analyses/snapshotContext';
import { snapshotFindings } from './analyses/snapshotFindings';
import { budgetFigures } from './model/budgetFigures';
import { comparisonHandlers } from './compare/comparisonHandlers';
import { TransferResult, unwrapTransfer } from './transferResult';
import type { HeapSnapshotModel } from './model/heapSnapshotModel';
import { shortestRetainingPath } from './model/retainerPaths';
import { loadSnapshot, openSnapshotWithCache, type LoadSnapshotOptions, type OpenedSnapshotModel } from './openSnapshot';

// Entry of one snapshot's worker thread: opens the file, then answers page requests until
// main terminates the thread. The heap graph never leaves this thread.
const port = parentPort!;
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

async function main(): Promise<void> {
  const start = workerData as WorkerStart;
  const options: LoadSnapshotOptions = { onProgress: (progress) => post({ type: 'progress', progress }) };
  let opened: OpenedSnapshotModel;
  try {
    // A streamed capture is not cached: its file is renamed into place only after the last chunk.
    opened = start.streamed
      ? { model: await loadSnapshot(streamedChunks(), options), fromCache: false, saveCache: async () => false }
      : await openSnapshotWithCache(start.path, { ...options, useCache: start.useCache });
  } catch (error) {
    post({ type: 'opened', result: failure(error) });
    return;
  }
  const { model } = opened;
  const { classes, ...rest } = model.summary();
  post({ type: 'opened', result: ok({ ...rest, classCount: classes.length }) });
  // After 'opened', so the user never waits for the write; a failed write is only a slower next open.
  void opened.saveCache().then((saved) => post({ type: 'cacheSettled', saved }));
  // While the user reads the summary; a request that comes meanwhile waits a fraction of a second.
  setImmediate(() => model.prepare());

  const handlers: {
    [M in keyof WorkerMethods]: (params: WorkerMethods[M]['params']) => WorkerMethods[M]['result'] | TransferResult<WorkerMethods[M]['result']>;
  } = {
    classes: (request) => model.classes(request),
    classInstances: (request) => model.classInstances(request),
    topRetainers: ({ limit }) => model.topRetainers(limit),
    object: ({ ordinal, id }) => model.object(ordinal ?? ordinalOfId(model, id)),
    details: ({ ordinal }) => model.objectDetails(ordinal),
    edges: ({ ordinal, offset, limit }) => model.edgesOf(ordinal, { offset, limit }),
    retainers: ({ ordinal, ...request }) => model.retainersOf(ordinal, request),
    dominatorChildren: ({ ordinal, ...page }) => model.dominatedBy(ordinal, page),
    dominatorPath: ({ ordinal }) => model.dominatorPath(ordinal),
    findings: ({ snapshotId, ...options }) => snapshotFindings(snapshotContext(model, snapshotId), options),
    seriesMeasures: ({ kind, ids }) => measureObjects(seriesAnalysis(kind), snapshotContext(model, ''), ids),
    findingEvidence: ({ id }) => {
      const ordinal = ordinalOfId(model, id);
      return { object: model.object(ordinal), path: shortestRetainingPath(model.analysis, ordinal).steps };
    },
    budgetFigures: ({ classNames }) => budgetFigures(model.analysis, classNames),
    ...comparisonHandlers(model),
  };

  port.on('message', ({ id, method, params }: WorkerCall) => {
    try {
      const handler = handlers[method] as ((p: unknown) => unknown) | undefined;
      if (!handler) throw new HeapdeckError('NOT_FOUND', `The snapshot worker has no method "${method}".`);
      const { value, transfer } = unwrapTransfer(handler(params ?? {}));
      post({ type: 'result', id, result: ok(value) }, transfer);
    } catch (error) {
      post({ type: 'result', id, result: failure(error) });
    }
  });
}

/** The chunks main posts while a capture streams, until it says the snapshot is complete. */
async function* streamedChunks(): AsyncGenerator<Uint8Array> {
  const queue: WorkerChunk[] = [];
  let wake: (() => void) | undefined;
  const onChunk = (message: WorkerChunk) => {
    queue.push(message);
    wake?.();
  };
  port.on('message', onChunk);
  try {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('end' in next) return;
      yield next.chunk;
    }
  } finally {
    port.off('message', onChunk);
  }
}

function ordinalOfId(model: HeapSnapshotModel, id: number | undefined): number {
  const ordinal = id === undefined ? undefined : model.nodeById(id);
  if (ordinal === undefined) throw new HeapdeckError('NOT_FOUND', `There is no object @${id} in this snapshot.`);
  return ordinal;
}

void main();
