import { useEffect, useMemo } from 'react';
import type { ErrorDto } from '../../../../shared/contract/errors';
import type { OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { useOpenSnapshots, useOpenSnapshotsStore } from '../openSnapshotsContext';

export interface SeriesSnapshots {
  /** Open snapshots of the series, in the series' order. */
  ready: OpenedSnapshotInfo[];
  /** Files that could not be opened: the series goes on without them. */
  failed: { path: string; error: ErrorDto }[];
  opening: number;
}

/** Opens every file of a series (those not open yet) and follows them as they become ready. */
export function useSeriesSnapshots(paths: readonly string[]): SeriesSnapshots {
  const store = useOpenSnapshotsStore();
  const open = useOpenSnapshots();
  useEffect(() => {
    for (const path of paths) void store.open(path);
  }, [store, paths]);
  return useMemo(() => {
    const states = paths.map((path) => open.find((state) => state.path === path));
    return {
      ready: states.flatMap((state) => (state?.status === 'open' ? [state.info] : [])),
      failed: states.flatMap((state) => (state?.status === 'failed' ? [{ path: state.path, error: state.error }] : [])),
      opening: states.filter((state) => !state || state.status === 'opening').length,
    };
  }, [open, paths]);
}
