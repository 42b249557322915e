import { useCallback, useState } from 'react';

/** The inspector ports people use without thinking: Node's default and Chrome's usual one. */
export const DEFAULT_ENDPOINTS = ['127.0.0.1:9229', '127.0.0.1:9222'] as const;

const STORAGE_KEY = 'heapdeck.endpoints';

function load(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Endpoints the user added, kept in localStorage; the defaults are always there. */
export function useSavedEndpoints() {
  const [userEndpoints, setUserEndpoints] = useState<string[]>(load);

  const save = useCallback((next: string[]) => {
    setUserEndpoints(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  }, []);

  const add = useCallback(
    (endpoint: string) => {
      if ((DEFAULT_ENDPOINTS as readonly string[]).includes(endpoint) || userEndpoints.includes(endpoint)) return;
      save([...userEndpoints, endpoint]);
    },
    [save, userEndpoints],
  );

  const remove = useCallback((endpoint: string) => save(userEndpoints.filter((item) => item !== endpoint)), [save, userEndpoints]);

  return { endpoints: [...DEFAULT_ENDPOINTS, ...userEndpoints], userEndpoints, add, remove };
}
