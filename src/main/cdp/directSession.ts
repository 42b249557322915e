import CDP from 'chrome-remote-interface';
import { HeapdeckError } from '../../shared/contract/errors';
import { DEFAULT_CALL_TIMEOUT_MS, type CdpSession } from './cdpSession';
import { PendingCalls } from './pendingCalls';

const CONNECT_TIMEOUT_MS = 10_000;

/** Opens a debugger WebSocket (`ws://host:port/...`) to a Node process or a Chrome target. */
export async function connectDirect(webSocketUrl: string): Promise<CdpSession> {
  const client = await openClient(webSocketUrl);
  const pending = new PendingCalls();
  const disconnectHandlers = new Set<() => void>();
  let closed = false;

  client.on('disconnect', () => {
    if (closed) return;
    closed = true;
    pending.failAll('the target disconnected.');
    for (const handler of [...disconnectHandlers]) handler();
    disconnectHandlers.clear();
  });

  return {
    get closed() {
      return closed;
    },
    send(method, params, options) {
      if (closed) {
        return Promise.reject(new HeapdeckError('TARGET_DETACHED', `${method} was not sent: the connection is closed.`));
      }
      const { id, promise } = pending.open(method, options?.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
      client.send(method, params as object | undefined).then(
        (value: unknown) => pending.succeed(id, value),
        (error: unknown) => settleFailure(pending, id, error),
      );
      return promise as never;
    },
    on(event, handler) {
      const listener = (payload: unknown) => handler(payload as never);
      client.on(event, listener);
      return () => void client.removeListener(event, listener);
    },
    onDisconnect(handler) {
      disconnectHandlers.add(handler);
      return () => disconnectHandlers.delete(handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      disconnectHandlers.clear();
      pending.failAll('Heapdeck closed the connection.');
      await client.close().catch(() => undefined);
    },
  };
}

function settleFailure(pending: PendingCalls, id: number, error: unknown): void {
  // chrome-remote-interface rejects with a ProtocolError carrying the target's own answer.
  const response = (error as { response?: { message?: string } }).response;
  if (response?.message) pending.failWithProtocolError(id, response.message);
  else pending.fail(id, new HeapdeckError('TARGET_DETACHED', `The connection failed: ${String(error)}`));
}

/** The untyped core of a chrome-remote-interface client; typing comes from devtools-protocol. */
interface RawClient {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): unknown;
  removeListener(event: string, listener: (payload: unknown) => void): unknown;
  close(): Promise<void>;
}

async function openClient(webSocketUrl: string): Promise<RawClient> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HeapdeckError('TARGET_UNREACHABLE', `No answer from ${webSocketUrl} within ${CONNECT_TIMEOUT_MS / 1000} s.`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  // `local: true`: Node serves no /json/protocol, so use the protocol bundled with the client.
  const connecting = CDP({ target: webSocketUrl, local: true }) as unknown as Promise<RawClient>;
  try {
    return await Promise.race([connecting, timeout]);
  } catch (error) {
    connecting.then((late) => late.close()).catch(() => undefined);
    if (error instanceof HeapdeckError) throw error;
    throw new HeapdeckError('TARGET_UNREACHABLE', `Cannot connect to ${webSocketUrl}: ${describeSocketError(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function describeSocketError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'nothing is listening there (connection refused).';
  if (code === 'ENOTFOUND') return 'the host name does not resolve.';
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected server response: 400/.test(message)) {
    return 'the inspector refused the connection (is another debugger already attached?).';
  }
  return message;
}
