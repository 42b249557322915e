import { createApiClient, type ApiClient } from '../../shared/contract/client';
import type { Door } from '../../shared/contract/door';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure } from '../../shared/contract/result';
import type { ConnectionStatus } from './connectionStatus';
import { createObservableValue, type ObservableValue } from './observableValue';
import { createReconnectingSocketDoor } from './reconnectingSocketDoor';
import { findServeToken, SERVE_TOKEN_STORAGE_KEY, serveSocketUrl } from './serveToken';

declare global {
  interface Window {
    /** The Electron preload's door; absent when the page is served to a browser. */
    heapdeck?: Door;
  }
}

/** The app's one link to Heapdeck, whichever door it uses. */
export interface Connection {
  client: ApiClient;
  status: ObservableValue<ConnectionStatus>;
  retry(): void;
}

/** Electron's preload door when there is one, else the `serve` mode's WebSocket. */
export function openConnection(): Connection {
  const status = createObservableValue<ConnectionStatus>({ state: 'connecting' });
  if (window.heapdeck) {
    status.set({ state: 'open' });
    return { client: createApiClient(window.heapdeck), status, retry: () => undefined };
  }

  const token = takeServeToken();
  if (!token) {
    status.set({ state: 'no-token' });
    return { client: createApiClient(closedDoor()), status, retry: () => location.reload() };
  }
  const door = createReconnectingSocketDoor(serveSocketUrl(location.host, token), status.set, serverAnswers);
  return { client: createApiClient(door), status, retry: () => door.retryNow() };
}

/** Reads the token and takes it out of the address bar, so it is not shared with a screenshot. */
function takeServeToken(): string | null {
  const { token, fromHash } = findServeToken(location.hash, sessionStorage.getItem(SERVE_TOKEN_STORAGE_KEY));
  if (token && fromHash) {
    sessionStorage.setItem(SERVE_TOKEN_STORAGE_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return token;
}

/** Whether the `serve` process that served this page still answers HTTP. */
async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/', { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

function closedDoor(): Door {
  return {
    invoke: async () => failure(new HeapdeckError('UNAUTHORIZED', 'No Heapdeck token: open the address `heapdeck serve` printed.')),
    subscribe: () => () => undefined,
  };
}
