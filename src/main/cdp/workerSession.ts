import { EventEmitter } from 'node:events';
import { HeapdeckError } from '../../shared/contract/errors';
import { DEFAULT_CALL_TIMEOUT_MS, type CdpSession } from './cdpSession';
import { PendingCalls } from './pendingCalls';

/**
 * A session to a Node worker thread, tunnelled through its parent's NodeWorker domain: calls go
 * out as `NodeWorker.sendMessageToWorker`, answers and events come back as
 * `NodeWorker.receivedMessageFromWorker`. Worker threads are not listed on `/json/list`.
 */
export function createWorkerSession(parent: CdpSession, workerSessionId: string): CdpSession {
  const pending = new PendingCalls();
  const events = new EventEmitter();
  const disconnectHandlers = new Set<() => void>();
  let closed = false;

  const end = (reason: string) => {
    if (closed) return;
    closed = true;
    stopMessages();
    stopDetach();
    stopParent();
    pending.failAll(reason);
    for (const handler of [...disconnectHandlers]) handler();
    disconnectHandlers.clear();
  };

  const stopMessages = parent.on('NodeWorker.receivedMessageFromWorker', ({ sessionId, message }) => {
    if (sessionId !== workerSessionId) return;
    const parsed = parseMessage(message);
    if (!parsed) return;
    if (typeof parsed.id === 'number') {
      if (parsed.error) pending.failWithProtocolError(parsed.id, parsed.error.message ?? 'unknown error');
      else pending.succeed(parsed.id, parsed.result ?? {});
    } else if (typeof parsed.method === 'string') {
      events.emit(parsed.method, parsed.params);
    }
  });
  const stopDetach = parent.on('NodeWorker.detachedFromWorker', ({ sessionId }) => {
    if (sessionId === workerSessionId) end('the worker thread exited.');
  });
  const stopParent = parent.onDisconnect(() => end('the process of the worker disconnected.'));

  return {
    get closed() {
      return closed;
    },
    send(method, params, options) {
      if (closed) {
        return Promise.reject(new HeapdeckError('TARGET_DETACHED', `${method} was not sent: the worker session is closed.`));
      }
      const { id, promise } = pending.open(method, options?.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
      const message = JSON.stringify({ id, method, params: params ?? {} });
      parent
        .send('NodeWorker.sendMessageToWorker', { sessionId: workerSessionId, message })
        .catch((error: HeapdeckError) => pending.fail(id, error));
      return promise as never;
    },
    on(event, handler) {
      const listener = (payload: unknown) => handler(payload as never);
      events.on(event, listener);
      return () => void events.off(event, listener);
    },
    onDisconnect(handler) {
      disconnectHandlers.add(handler);
      return () => disconnectHandlers.delete(handler);
    },
    async close() {
      if (closed) return;
      disconnectHandlers.clear();
      end('Heapdeck closed the worker session.');
      await parent.send('NodeWorker.detach', { sessionId: workerSessionId }).catch(() => undefined);
    },
  };
}

interface WorkerMessage {
  id?: number;
  result?: unknown;
  error?: { message?: string };
  method?: string;
  params?: unknown;
}

function parseMessage(text: string): WorkerMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as WorkerMessage) : undefined;
  } catch {
    return undefined;
  }
}
