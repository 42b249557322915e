import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/useApi';
import { OpenSnapshotsContext } from './openSnapshotsContext';
import { OpenSnapshotsStore } from './openSnapshotsStore';

/** Keeps open snapshots alive while the user moves between views. */
export function OpenSnapshotsProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const [store] = useState(() => new OpenSnapshotsStore(client));
  return <OpenSnapshotsContext.Provider value={store}>{children}</OpenSnapshotsContext.Provider>;
}
