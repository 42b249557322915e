import { useCallback, useEffect, useState } from 'react';
import type { ErrorDto } from '../../../shared/contract/errors';
import { toErrorDto } from '../../../shared/contract/errors';
import type { WorkerTarget } from '../../../shared/model/targets';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useAsyncAction } from '../../components/useAsyncAction';
import { useLiveStore } from './useLiveState';

/** Worker threads of an attached Node process, each attachable as its own watch. */
export function WorkersList({ watchId }: { watchId: string }) {
  const client = useApi();
  const store = useLiveStore();
  const [open, setOpen] = useState(false);
  const [workers, setWorkers] = useState<WorkerTarget[] | null>(null);
  const [listError, setListError] = useState<ErrorDto | null>(null);
  const attach = useAsyncAction(async (workerId: string) => {
    store.upsertWatch(await client.call('attach', { request: { by: 'worker', parentWatchId: watchId, workerId } }));
  });

  const load = useCallback(async () => {
    try {
      setWorkers(await client.call('listWorkers', { watchId }));
      setListError(null);
    } catch (error) {
      setListError(toErrorDto(error));
    }
  }, [client, watchId]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  return (
    <details className="workers" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Worker threads{workers && ` (${workers.length})`}</summary>
      {open && !workers && !listError && (
        <p className="hint">
          <Spinner /> Listing workers…
        </p>
      )}
      {listError && <ErrorNotice error={listError} title="Could not list workers" onRetry={() => void load()} compact />}
      {workers && workers.length === 0 && <p className="hint">This process has no worker threads.</p>}
      {workers && workers.length > 0 && (
        <ul className="worker-list">
          {workers.map((worker) => (
            <li key={worker.workerId}>
              <span className="truncate" title={worker.url}>
                {worker.title || worker.url}
              </span>
              <button
                type="button"
                className="btn small"
                disabled={attach.pending}
                onClick={() => void attach.run(worker.workerId)}
                data-testid={`attach-worker-${worker.workerId}`}
              >
                Attach
              </button>
            </li>
          ))}
        </ul>
      )}
      {workers && (
        <button type="button" className="btn small ghost" onClick={() => void load()}>
          Refresh
        </button>
      )}
      {attach.error && <ErrorNotice error={attach.error} title="Could not attach to the worker" onDismiss={attach.clearError} compact />}
    </details>
  );
}
