import type { WorkerTarget } from '../../shared/model/targets';
import type { CdpSession } from '../cdp/cdpSession';

/** The worker threads of one attached Node process, kept current from NodeWorker events. */
export interface WorkerRegistry {
  /** Settles once `NodeWorker.enable` answered; the workers running then are listed by then. */
  readonly ready: Promise<void>;
  list(): WorkerTarget[];
  /** The NodeWorker session id that reaches the worker through this registry's session. */
  sessionIdOf(workerId: string): string | undefined;
  onChange(listener: (workers: WorkerTarget[]) => void): () => void;
  /** Stops tracking and switches NodeWorker off again. */
  dispose(): void;
}

/**
 * Tracks the worker threads of a Node session (`NodeWorker.enable`; worker threads are not
 * on `/json/list`). Node attaches every running and future worker to the session and names
 * each attachment by a session id, which `createWorkerSession` talks through.
 *
 * Node never re-attaches a worker whose session was detached (`NodeWorker.detach`) short of
 * disabling NodeWorker for every worker, so worker sessions should not be made on a session
 * whose registry must stay complete (resolveTarget opens a connection of their own).
 */
export function watchWorkers(session: CdpSession, parentWatchId: string): WorkerRegistry {
  const workers = new Map<string, { target: WorkerTarget; sessionId: string }>();
  const listeners = new Set<(workers: WorkerTarget[]) => void>();
  const list = () => [...workers.values()].map((entry) => entry.target);
  const changed = () => {
    const snapshot = list();
    for (const listener of [...listeners]) listener(snapshot);
  };

  const stops = [
    session.on('NodeWorker.attachedToWorker', ({ sessionId, workerInfo }) => {
      const target = { workerId: workerInfo.workerId, title: workerInfo.title, url: workerInfo.url, parentWatchId };
      workers.set(workerInfo.workerId, { target, sessionId });
      changed();
    }),
    session.on('NodeWorker.detachedFromWorker', ({ sessionId }) => {
      for (const [workerId, entry] of workers) if (entry.sessionId === sessionId) workers.delete(workerId);
      changed();
    }),
    session.onDisconnect(() => {
      workers.clear();
      changed();
    }),
  ];
  const ready = session.send('NodeWorker.enable', { waitForDebuggerOnStart: false }).then(() => undefined);
  ready.catch(() => undefined); // callers who care await `ready`; the rest must not see an unhandled rejection

  return {
    ready,
    list,
    sessionIdOf: (workerId) => workers.get(workerId)?.sessionId,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const stop of stops) stop();
      listeners.clear();
      workers.clear();
      if (!session.closed) session.send('NodeWorker.disable').catch(() => undefined);
    },
  };
}
