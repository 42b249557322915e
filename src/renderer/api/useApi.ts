import { useContext, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../shared/contract/client';
import { ConnectionContext } from './apiContext';
import type { Connection } from './connection';
import type { ConnectionStatus } from './connectionStatus';

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useApi() needs an <ApiProvider> above it.');
  return connection;
}

/** The typed API client; the same object for the app's whole life, across reconnects. */
export function useApi(): ApiClient {
  return useConnection().client;
}

export function useConnectionStatus(): ConnectionStatus {
  const { status } = useConnection();
  return useSyncExternalStore(status.subscribe, status.get);
}
