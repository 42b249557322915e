import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi, useConnectionStatus } from '../../api/useApi';
import { createLiveStore } from './liveStore';
import { LiveStoreContext } from './liveStoreContext';

/** Keeps live data at the app's root, so it survives switching views. */
export function LiveStoreProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const [store] = useState(() => createLiveStore(client));
  const status = useConnectionStatus();
  const wasDown = useRef(false);

  useEffect(() => store.connect(), [store]);

  // A dropped socket loses the events sent meanwhile; fetch the gap once it is back.
  useEffect(() => {
    if (status.state === 'reconnecting') wasDown.current = true;
    if (status.state === 'open' && wasDown.current) {
      wasDown.current = false;
      store.resync();
    }
  }, [status.state, store]);

  return <LiveStoreContext.Provider value={store}>{children}</LiveStoreContext.Provider>;
}
