import { formatBytes } from '../../../shared/format/bytes';
import type { SnapshotLoadProgressEvent } from '../../../shared/model/heapSnapshots';

const STEP_TEXT = {
  retainers: 'Indexing references',
  dominators: 'Computing dominators and retained sizes',
  distances: 'Measuring distances from the roots',
  classes: 'Naming classes',
  summary: 'Building the summary',
} as const;

/** The worker's progress: bytes read (of the file, or of the saved analysis), then each step. */
export function LoadProgress({ path, progress }: { path: string; progress?: SnapshotLoadProgressEvent }) {
  const reading = progress?.step === 'reading' ? progress : undefined;
  const share = reading?.totalBytes ? reading.bytesRead / reading.totalBytes : undefined;
  const text = !progress
    ? 'Starting the analysis worker…'
    : reading
      ? `${reading.fromCache ? 'Reading the saved analysis' : 'Reading'} ${formatBytes(reading.bytesRead)}${reading.totalBytes ? ` of ${formatBytes(reading.totalBytes)}` : ''}`
      : `${STEP_TEXT[progress.step as keyof typeof STEP_TEXT]}…`;
  return (
    <div className="load-progress" role="status" data-testid="snapshot-loading">
      <div className="share">{path}</div>
      <progress max={1} value={share} aria-label="Opening progress" />
      <div>{text}</div>
    </div>
  );
}
