import { useContext, useSyncExternalStore } from 'react';
import type { LiveState, LiveStore } from './liveStore';
import { LiveStoreContext } from './liveStoreContext';

export function useLiveStore(): LiveStore {
  const store = useContext(LiveStoreContext);
  if (!store) throw new Error('useLiveStore() needs a <LiveStoreProvider> above it.');
  return store;
}

/** Every watch with its live data; re-renders at most once per burst of events. */
export function useLiveState(): LiveState {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
