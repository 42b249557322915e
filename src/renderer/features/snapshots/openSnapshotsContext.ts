import { createContext, useContext, useSyncExternalStore } from 'react';
import type { OpenSnapshotState, OpenSnapshotsStore } from './openSnapshotsStore';

export const OpenSnapshotsContext = createContext<OpenSnapshotsStore | null>(null);

export function useOpenSnapshotsStore(): OpenSnapshotsStore {
  const store = useContext(OpenSnapshotsContext);
  if (!store) throw new Error('useOpenSnapshots() needs an <OpenSnapshotsProvider> above it.');
  return store;
}

/** The snapshots open in this window, re-rendering as they open, progress and close. */
export function useOpenSnapshots(): OpenSnapshotState[] {
  const store = useOpenSnapshotsStore();
  return useSyncExternalStore(store.subscribe, store.list);
}
