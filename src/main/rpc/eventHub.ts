import type { ApiEvents, EventName } from '../../shared/contract/api';

type Listener = (event: string, payload: unknown) => void;

/** Fans service events out to every connected client, whatever its door. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // One broken client (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
