/**
 * Where the link to Heapdeck stands. `refused`: the socket never opened (wrong or old token,
 * or Heapdeck is not running); `reconnecting`: it was open and dropped.
 */
export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'reconnecting'; attempt: number; retryInMs: number }
  | { state: 'refused' }
  | { state: 'no-token' };

/** Delay before the n-th reconnect attempt (1-based): quick at first, then every 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempt - 1), 5000);
}
