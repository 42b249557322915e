import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';
import { useLiveStore } from './useLiveState';

export function DetachButton({ watchId }: { watchId: string }) {
  const client = useApi();
  const store = useLiveStore();
  const detach = useAsyncAction(async () => {
    store.upsertWatch(await client.call('detach', { watchId }));
  });
  return (
    <>
      <button
        type="button"
        className="btn danger"
        disabled={detach.pending}
        onClick={() => void detach.run()}
        data-testid="detach"
        title="Stop watching; the recorded session is kept"
      >
        {detach.pending ? 'Detaching…' : 'Detach'}
      </button>
      {detach.error && <ErrorNotice error={detach.error} title="Could not detach" onDismiss={detach.clearError} compact />}
    </>
  );
}
