import { useMemo } from 'react';
import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { useSnapshotLibrary } from './useSnapshotLibrary';

/** The library's snapshots of one session, oldest first, and their times for chart markers. */
export function useSessionSnapshots(sessionId: string): { snapshots: SnapshotEntry[]; times: number[] } {
  const { entries } = useSnapshotLibrary();
  return useMemo(() => {
    const snapshots = (entries ?? []).filter((entry) => entry.sessionId === sessionId).sort((a, b) => a.takenAtMs - b.takenAtMs);
    return { snapshots, times: snapshots.map((entry) => entry.takenAtMs) };
  }, [entries, sessionId]);
}
