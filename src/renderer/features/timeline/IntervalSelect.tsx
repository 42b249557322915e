import type { WatchInfo } from '../../../shared/model/watches';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';
import { useApi } from '../../api/useApi';
import { useLiveStore } from './useLiveState';

const INTERVALS_MS = [250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

const label = (intervalMs: number): string => (intervalMs < 1000 ? `${intervalMs} ms` : `${intervalMs / 1000} s`);

export function IntervalSelect({ info }: { info: WatchInfo }) {
  const client = useApi();
  const store = useLiveStore();
  const change = useAsyncAction(async (intervalMs: number) => {
    store.upsertWatch(await client.call('setSampleInterval', { watchId: info.watchId, intervalMs }));
  });
  const options = INTERVALS_MS.includes(info.intervalMs) ? INTERVALS_MS : [...INTERVALS_MS, info.intervalMs].sort((a, b) => a - b);

  return (
    <>
      <label className="control">
        <span>Every</span>
        <select
          className="input"
          value={info.intervalMs}
          disabled={info.status !== 'watching' || change.pending}
          onChange={(event) => void change.run(Number(event.target.value))}
          data-testid="interval-select"
          aria-label="Sample interval"
        >
          {options.map((intervalMs) => (
            <option key={intervalMs} value={intervalMs}>
              {label(intervalMs)}
            </option>
          ))}
        </select>
      </label>
      {change.error && <ErrorNotice error={change.error} title="Could not change the interval" onDismiss={change.clearError} compact />}
    </>
  );
}
