import { useEffect, useState } from 'react';
import type { SnapshotProgress } from '../../../shared/model/snapshots';
import { useApi } from '../../api/useApi';

/** The latest capture progress of one watch, while `active`. */
export function useSnapshotProgress(watchId: string, active: boolean): SnapshotProgress | null {
  const client = useApi();
  const [progress, setProgress] = useState<SnapshotProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return undefined;
    }
    return client.on('snapshotProgress', (event) => {
      if (event.watchId === watchId) setProgress(event);
    });
  }, [client, watchId, active]);
  return progress;
}
