import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../shared/contract/errors';

export interface AsyncAction<A extends unknown[], R> {
  /** Runs the action; resolves with its result, or with undefined when it failed. */
  run(...args: A): Promise<R | undefined>;
  pending: boolean;
  error: ErrorDto | null;
  clearError(): void;
}

/** Pending and error state of one user action (a button press), with the error's code kept. */
export function useAsyncAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): AsyncAction<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorDto | null>(null);
  const mounted = useRef(true);
  const latestAction = useRef(action);
  latestAction.current = action;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(null);
    try {
      return await latestAction.current(...args);
    } catch (caught) {
      if (mounted.current) setError(toErrorDto(caught));
      return undefined;
    } finally {
      if (mounted.current) setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
