import { useCallback, useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { useApi } from '../../api/useApi';

/** The snapshot library, kept current by `snapshotListed` events from every client. */
export function useSnapshotLibrary() {
  const client = useApi();
  const [entries, setEntries] = useState<SnapshotEntry[] | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);

  const refresh = useCallback(async () => {
    try {
      setEntries(await client.call('listSnapshots', {}));
      setError(null);
    } catch (caught) {
      setError(toErrorDto(caught));
    }
  }, [client]);

  useEffect(() => {
    void refresh();
    const stopListed = client.on('snapshotListed', (entry) => {
      setEntries((current) => {
        if (!current) return current;
        const others = current.filter((candidate) => candidate.path !== entry.path);
        return [entry, ...others].sort((a, b) => b.takenAtMs - a.takenAtMs);
      });
    });
    const stopRemoved = client.on('snapshotRemoved', ({ path }) =>
      setEntries((current) => current?.filter((candidate) => candidate.path !== path) ?? null),
    );
    return () => {
      stopListed();
      stopRemoved();
    };
  }, [client, refresh]);

  const remove = useCallback(
    async (entry: SnapshotEntry, deleteFile: boolean) => {
      await client.call('deleteSnapshot', { path: entry.path, deleteFile });
    },
    [client],
  );

  return { entries, error, refresh, remove };
}
