import { useState } from 'react';
import { formatBytes } from '../../../shared/format/bytes';
import type { SnapshotFileInfo, SnapshotOptions, SnapshotProgress } from '../../../shared/model/snapshots';
import { useApi } from '../../api/useApi';
import { useNavigation } from '../../app/navigationContext';
import { useOpenSnapshotsStore } from '../snapshots/openSnapshotsContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';
import { useSnapshotProgress } from './useSnapshotProgress';

interface TakeSnapshotButtonProps {
  watchId: string;
  disabled: boolean;
}

const OPTION_LABELS: { key: keyof SnapshotOptions; label: string; title: string }[] = [
  { key: 'collectGarbageFirst', label: 'Collect garbage first', title: 'A full GC first, so the snapshot holds only live objects' },
  { key: 'analyze', label: 'Analyse while capturing', title: 'Parse as the chunks arrive, so the snapshot is open the moment the capture ends' },
  { key: 'exposeInternals', label: 'Expose internals', title: "V8's hidden classes, feedback vectors and other internals" },
  { key: 'captureNumericValue', label: 'Numeric values', title: 'Record the values of heap numbers' },
];

/**
 * Takes a heap snapshot into the session folder, with V8's progress, then the analysis, and a
 * Cancel button; the analysed snapshot opens in the explorer from "Open".
 */
export function TakeSnapshotButton({ watchId, disabled }: TakeSnapshotButtonProps) {
  const client = useApi();
  const openSnapshots = useOpenSnapshotsStore();
  const { openSnapshot } = useNavigation();
  const [options, setOptions] = useState<SnapshotOptions>({ collectGarbageFirst: true, analyze: true, exposeInternals: false, captureNumericValue: false });
  const [saved, setSaved] = useState<SnapshotFileInfo | null>(null);
  const take = useAsyncAction(async () => {
    setSaved(null);
    const file = await client.call('takeSnapshot', { watchId, options });
    if (file.snapshot) openSnapshots.adopt(file.snapshot);
    setSaved(file);
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
        <>
          <button
            type="button"
            className="btn"
            disabled={disabled}
            onClick={() => void take.run()}
            data-testid="take-snapshot"
            title="Stream a heap snapshot of this target to its session folder"
          >
            Take snapshot
          </button>
          <details className="snapshot-options">
            <summary title="Snapshot options">Options</summary>
            {OPTION_LABELS.map((option) => (
              <label key={option.key} className="toggle" title={option.title}>
                <input
                  type="checkbox"
                  checked={options[option.key] ?? false}
                  onChange={(event) => setOptions((current) => ({ ...current, [option.key]: event.target.checked }))}
                  data-testid={`snapshot-option-${option.key}`}
                />
                {option.label}
              </label>
            ))}
          </details>
        </>
      )}
      {saved && !take.pending && (
        <span className="gc-outcome" data-testid="snapshot-saved" role="status" title={saved.path}>
          Snapshot saved: {formatBytes(saved.sizeBytes)} in {(saved.durationMs / 1000).toFixed(1)} s{' '}
          <button type="button" className="btn small" onClick={() => openSnapshot(saved.path)} data-testid="snapshot-open-saved">
            Open
          </button>
        </span>
      )}
      {saved?.analysisError && (
        <ErrorNotice error={saved.analysisError} title="The snapshot is saved but could not be analysed" onDismiss={() => setSaved(null)} compact />
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
  if (progress.phase === 'done') return 'Analysing…';
  return `Writing ${formatBytes(progress.bytesWritten)}`;
}
