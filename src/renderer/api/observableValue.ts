/** A value React can follow with `useSyncExternalStore`. */
export interface ObservableValue<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export interface WritableValue<T> extends ObservableValue<T> {
  set(value: T): void;
}

export function createObservableValue<T>(initial: T): WritableValue<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(value) {
      if (Object.is(value, current)) return;
      current = value;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
