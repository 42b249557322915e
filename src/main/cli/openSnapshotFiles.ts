import type { OpenedSnapshotInfo } from '../../shared/model/heapSnapshots';
import { HeapdeckError, toErrorDto } from '../../shared/contract/errors';
import type { CliContext } from './cliContext';

export interface OpenedFiles {
  /** The files that opened, in the order given. */
  snapshots: OpenedSnapshotInfo[];
  /** The files that could not be read, and why. */
  skipped: { path: string; error: string }[];
  closeAll(): Promise<void>;
}

/**
 * Opens snapshot files one after another (each in its own worker), skipping, with a message on
 * stderr, any file that cannot be read or parsed; NOT_FOUND when none opens.
 */
export async function openSnapshotFiles(context: Pick<CliContext, 'api' | 'err' | 'progress'>, paths: string[]): Promise<OpenedFiles> {
  const snapshots: OpenedSnapshotInfo[] = [];
  const skipped: OpenedFiles['skipped'] = [];
  const stopProgress = context.api.on('snapshotLoadProgress', (progress) => context.progress(`Opening ${progress.path}: ${progress.step}...`));
  try {
    for (const path of paths) {
      try {
        snapshots.push(await context.api.call('openSnapshot', { path }));
      } catch (error) {
        const { message } = toErrorDto(error);
        skipped.push({ path, error: message });
        context.err(`Skipping ${path}: ${message}`);
      }
    }
  } finally {
    stopProgress();
    context.progress('');
  }
  const closeAll = async () => {
    await Promise.all(snapshots.map(({ snapshotId }) => context.api.call('closeSnapshot', { snapshotId }).catch(() => undefined)));
  };
  if (!snapshots.length) throw new HeapdeckError('NOT_FOUND', 'None of the snapshot files could be opened.');
  return { snapshots, skipped, closeAll };
}
