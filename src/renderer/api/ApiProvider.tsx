import type { ReactNode } from 'react';
import { ConnectionContext } from './apiContext';
import type { Connection } from './connection';

/**
 * Hands the connection to everything below. The connection is opened outside React, once,
 * because StrictMode runs initialisers twice and a second socket would leak.
 */
export function ApiProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}
