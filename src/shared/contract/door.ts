import type { Result } from './result';

/**
 * The untyped pipe under every client: Electron IPC, the WebSocket of `serve` mode, or the
 * dispatcher itself in-process. Typing happens once, in {@link createApiClient}.
 */
export interface Door {
  invoke(method: string, params: unknown): Promise<Result<unknown>>;
  /** Receives every event; returns the unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}
