import { useState } from 'react';
import { formatBytes } from '../../../shared/format/bytes';
import type { SnapshotFileInfo, SnapshotProgress } from '../../../shared/model/snapshots';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';
import { useSnapshotProgress } from './useSnapshotProgress';

interface TakeSnapshotButtonProps {
  watchId: string;
  disabled: boolean;
}

/** Takes a heap snapshot into the session folder, with V8's progress and a Cancel button. */
export function TakeSnapshotButton({ watchId, disabled }: TakeSnapshotButtonProps) {
  const client = useApi();
  const [saved, setSaved] = useState<SnapshotFileInfo | null>(null);
  const take = useAsyncAction(async () => {
    setSaved(null);
    setSaved(await client.call('takeSnapshot', { watchId }));
  });
  const progress = useSnapshotProgress(watchId, take.pending);

  return (
    <>
      {take.pending ? (
        <span className="snapshot-progress" role="status" data-testid="snapshot-progress">
          <progress max={1} value={progressShare(progress) ?? undefined} aria-label="Snapshot progress" />
          <span>{describe(progress)}</span>
          <button type="button" className="btn ghost" onClick={() => void client.call('cancelSnapshot', { watchId })} data-testid="snapshot-cancel">
            Cancel
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={disabled}
          onClick={() => void take.run()}
          data-testid="take-snapshot"
          title="Stream a heap snapshot of this target to its session folder (a full GC runs first)"
        >
          Take snapshot
        </button>
      )}
      {saved && !take.pending && (
        <span className="gc-outcome" data-testid="snapshot-saved" role="status" title={saved.path}>
          Snapshot saved: {formatBytes(saved.sizeBytes)} in {(saved.durationMs / 1000).toFixed(1)} s
        </span>
      )}
      {take.error && (
        <ErrorNotice
          error={take.error}
          title={take.error.code === 'CANCELLED' ? 'Snapshot cancelled' : 'Snapshot failed'}
          onDismiss={take.clearError}
          compact
        />
      )}
    </>
  );
}

/** 0..1 while V8 walks the heap; unknown (an indeterminate bar) while collecting or writing. */
function progressShare(progress: SnapshotProgress | null): number | null {
  if (progress?.phase !== 'capture' || progress.total === 0) return null;
  return progress.done / progress.total;
}

function describe(progress: SnapshotProgress | null): string {
  if (!progress || progress.phase === 'gc') return 'Collecting garbage…';
  if (progress.phase === 'capture') return `Capturing ${Math.round((progressShare(progress) ?? 0) * 100)} %`;
  return `Writing ${formatBytes(progress.bytesWritten)}`;
}
