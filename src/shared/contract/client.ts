import type { ApiEvents, EventName, MethodName, ParamsOf, ResultOf } from './api';
import type { Door } from './door';
import { HeapdeckError } from './errors';

/** The typed API as every feature sees it, whichever door it goes through. */
export interface ApiClient {
  /** Resolves with the result, or rejects with a {@link HeapdeckError} carrying the code. */
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void;
}

export function createApiClient(door: Door): ApiClient {
  return {
    async call(method, params) {
      const result = await door.invoke(method, params);
      if (!result.ok) throw HeapdeckError.fromDto(result.error);
      return result.value as never;
    },
    on(event, handler) {
      return door.subscribe((name, payload) => {
        if (name === event) handler(payload as never);
      });
    },
  };
}
