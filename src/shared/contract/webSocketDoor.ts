import type { Door } from './door';
import { HeapdeckError } from './errors';
import { failure, type Result } from './result';
import { isServerMessage, type CallMessage } from './rpc';

/**
 * The part of a WebSocket both the browser's and the `ws` package's sockets have, so the
 * same door serves the renderer in `serve` mode and Node tests.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

const OPEN = 1;

/** A door over an open WebSocket; every pending call fails with `INTERNAL` when the socket closes. */
export function createWebSocketDoor(socket: WebSocketLike): Door & { close(): void } {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();

  socket.addEventListener('message', ({ data }) => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!isServerMessage(message)) return;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners) listener(message.event, message.payload);
    }
  });
  socket.addEventListener('close', () => {
    const lost = failure(new HeapdeckError('INTERNAL', 'The connection to Heapdeck was closed.'));
    for (const resolve of pending.values()) resolve(lost);
    pending.clear();
  });

  return {
    invoke(method, params) {
      if (socket.readyState !== OPEN) {
        return Promise.resolve(failure(new HeapdeckError('INTERNAL', 'Not connected to Heapdeck.')));
      }
      const id = nextId++;
      const call: CallMessage = { type: 'call', id, method, params };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify(call));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
