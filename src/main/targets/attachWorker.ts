import { HeapdeckError } from '../../shared/contract/errors';
import type { TargetDescriptor } from '../../shared/model/targets';
import type { CdpSession } from '../cdp/cdpSession';
import { connectDirect } from '../cdp/directSession';
import { createWorkerSession } from '../cdp/workerSession';
import type { ConnectedTarget } from './connectedTarget';
import { watchWorkers, type WorkerRegistry } from './nodeWorkers';

/** An attached Node watch that worker threads can be reached through. */
export interface WorkerParent {
  descriptor: TargetDescriptor;
  workers: WorkerRegistry;
}

/**
 * Attaches to a worker thread of an attached Node process. The worker session runs over a
 * connection of its own to the process (Node takes several), because detaching a worker
 * from a NodeWorker session hides it from that session for good: the parent watch's
 * registry stays complete however often workers are attached and detached.
 */
export async function attachWorker(parent: WorkerParent, workerId: string): Promise<ConnectedTarget> {
  const worker = parent.workers.list().find((entry) => entry.workerId === workerId);
  if (!worker) {
    throw new HeapdeckError('NOT_FOUND', `Worker ${workerId} of ${parent.descriptor.title} is not running (it may have exited); list the workers again.`);
  }
  if (!/^wss?:\/\//.test(parent.descriptor.debuggerUrl)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `${parent.descriptor.title} is not a Node process, so it has no worker threads to attach to.`);
  }
  const connection = await connectDirect(parent.descriptor.debuggerUrl);
  const registry = watchWorkers(connection, worker.parentWatchId);
  try {
    await registry.ready;
    // Worker ids are per connection; the title carries the thread id, which is per process.
    const match = registry.list().find((entry) => entry.title === worker.title && entry.url === worker.url);
    const sessionId = match && registry.sessionIdOf(match.workerId);
    if (!sessionId) throw new HeapdeckError('NOT_FOUND', `Worker '${worker.title}' of ${parent.descriptor.title} has exited.`);
    const session = ownConnection(createWorkerSession(connection, sessionId), connection, registry);
    return {
      session,
      descriptor: {
        kind: 'node-worker',
        title: worker.title,
        url: worker.url,
        debuggerUrl: `worker:${workerId}`,
        ...(parent.descriptor.pid !== undefined ? { pid: parent.descriptor.pid } : {}),
        ...(parent.descriptor.product ? { product: parent.descriptor.product } : {}),
      },
      notes: [`Heapdeck opened a second connection to ${parent.descriptor.title} to reach its worker '${worker.title}'`],
      resume: async () => undefined,
    };
  } catch (error) {
    registry.dispose();
    await connection.close();
    throw error;
  }
}

/** The worker session, closing the connection it runs over when it ends. */
function ownConnection(worker: CdpSession, connection: CdpSession, registry: WorkerRegistry): CdpSession {
  const release = async () => {
    registry.dispose();
    await connection.close();
  };
  worker.onDisconnect(() => void release());
  return {
    get closed() {
      return worker.closed;
    },
    send: (method, params, options) => worker.send(method, params, options),
    on: (event, handler) => worker.on(event, handler),
    onDisconnect: (handler) => worker.onDisconnect(handler),
    async close() {
      await worker.close();
      await release();
    },
  };
}
