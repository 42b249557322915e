import { isMethodName, type MethodName, type ParamsOf, type ResultOf } from '../../shared/contract/api';
import type { Door } from '../../shared/contract/door';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure, ok, type Result } from '../../shared/contract/result';
import type { EventHub } from './eventHub';

/** One implementation per API method; the dispatcher is the only caller. */
export type Handlers = { [M in MethodName]: (params: ParamsOf<M>) => Promise<ResultOf<M>> };

/**
 * The one entry point every transport feeds: Electron IPC, the `serve` WebSocket and the CLI.
 * It is itself a {@link Door}, so in-process clients (CLI, tests) use it directly.
 */
export function createDispatcher(handlers: Handlers, events: EventHub): Door {
  return {
    async invoke(method: string, params: unknown): Promise<Result<unknown>> {
      if (!isMethodName(method)) {
        return failure(new HeapdeckError('NOT_FOUND', `Unknown method "${String(method).slice(0, 80)}".`));
      }
      const safeParams = params ?? {};
      if (typeof safeParams !== 'object' || Array.isArray(safeParams)) {
        return failure(new HeapdeckError('INVALID_ARGUMENT', `${method} takes an object of parameters.`));
      }
      try {
        const handler = handlers[method] as (p: unknown) => Promise<unknown>;
        return ok(await handler(safeParams));
      } catch (error) {
        return failure(error);
      }
    },
    subscribe: (listener) => events.subscribe(listener),
  };
}
