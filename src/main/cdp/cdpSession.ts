import type { CommandName, CommandParams, CommandResult, EventName, EventPayload } from './protocol';

export interface SendOptions {
  /** Milliseconds before the call fails with TIMEOUT; 0 waits for ever (snapshots). */
  timeoutMs?: number;
}

/**
 * A typed DevTools protocol session to one target: a page, a Node process, or a Node worker
 * thread reached through its parent. Every failure is a HeapdeckError naming the method.
 */
export interface CdpSession {
  send<M extends CommandName>(
    method: M,
    params?: CommandParams<M>,
    options?: SendOptions,
  ): Promise<CommandResult<M>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /** Called once when the connection drops by itself (not after {@link close}). */
  onDisconnect(handler: () => void): () => void;
  readonly closed: boolean;
  close(): Promise<void>;
}

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
