import type { Door } from '../../shared/contract/door';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure } from '../../shared/contract/result';
import { createWebSocketDoor } from '../../shared/contract/webSocketDoor';
import { reconnectDelayMs, type ConnectionStatus } from './connectionStatus';

/** Close codes a server uses to say "this token is not welcome" after the socket opened. */
const REFUSAL_CLOSE_CODES = new Set([1008, 4401, 4403]);

export interface ReconnectingDoor extends Door {
  /** Try again at once, e.g. from a "Retry" button after a refusal. */
  retryNow(): void;
  close(): void;
}

/**
 * One door that outlives its sockets: subscribers stay subscribed across reconnects, so
 * features never notice a drop except through the status. Calls made while the socket is
 * down fail at once with a clear message rather than hang.
 */
export function createReconnectingSocketDoor(
  url: string,
  onStatus: (status: ConnectionStatus) => void,
  serverAnswers: () => Promise<boolean>,
): ReconnectingDoor {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let current: ReturnType<typeof createWebSocketDoor> | null = null;
  let everOpened = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = (): void => {
    const socket = new WebSocket(url);
    const door = createWebSocketDoor(socket);
    current = door;
    door.subscribe((event, payload) => {
      for (const listener of [...listeners]) listener(event, payload);
    });
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      everOpened = true;
      attempt = 0;
      onStatus({ state: 'open' });
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      if (closed || current !== door) return;
      current = null;
      if (REFUSAL_CLOSE_CODES.has(event.code) || (!opened && !everOpened)) {
        onStatus({ state: 'refused' });
        return;
      }
      if (opened) {
        scheduleRetry();
        return;
      }
      // A browser hides why a handshake failed. If the server answers HTTP but not our socket,
      // it is a new run with a new token: retrying forever would never get in.
      void serverAnswers().then((up) => {
        if (closed || current) return;
        if (up) onStatus({ state: 'refused' });
        else scheduleRetry();
      });
    });
  };

  const scheduleRetry = (): void => {
    attempt++;
    const retryInMs = reconnectDelayMs(attempt);
    onStatus({ state: 'reconnecting', attempt, retryInMs });
    retryTimer = setTimeout(connect, retryInMs);
  };

  onStatus({ state: 'connecting' });
  connect();

  return {
    invoke(method, params) {
      if (!current) {
        const error = new HeapdeckError('INTERNAL', 'Not connected to Heapdeck; reconnecting, try again in a moment.');
        return Promise.resolve(failure(error));
      }
      return current.invoke(method, params);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retryNow() {
      clearTimeout(retryTimer);
      current?.close();
      current = null;
      everOpened = false;
      onStatus({ state: 'connecting' });
      connect();
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      current?.close();
    },
  };
}
