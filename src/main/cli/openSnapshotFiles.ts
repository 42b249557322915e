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

/** A snapshot of this file already open in the app, to use instead of opening the file again. */
export type OpenedLookup = (path: string) => OpenedSnapshotInfo | undefined;

export interface OpenFilesOptions {
  alreadyOpen?: OpenedLookup;
  /** False for throwaway files: no analysis cache is read or written beside them. */
  cache?: boolean;
}

/**
 * Opens snapshot files one after another (each in its own worker), skipping, with a message on
 * stderr, any file that cannot be read or parsed; NOT_FOUND when none opens. With `alreadyOpen`,
 * a file the app has open is used as it is (and left open): a second worker for a 1 GB file
 * would cost another gigabyte and a reopen.
 */
export async function openSnapshotFiles(
  context: Pick<CliContext, 'api' | 'err' | 'progress'>,
  paths: string[],
  { alreadyOpen, cache }: OpenFilesOptions = {},
): Promise<OpenedFiles> {
  const snapshots: OpenedSnapshotInfo[] = [];
  const openedHere: string[] = [];
  const skipped: OpenedFiles['skipped'] = [];
  const stopProgress = context.api.on('snapshotLoadProgress', (progress) => context.progress(`Opening ${progress.path}: ${progress.step}...`));
  try {
    for (const path of paths) {
      const open = alreadyOpen?.(path);
      if (open) {
        snapshots.push(open);
        continue;
      }
      try {
        const opened = await context.api.call('openSnapshot', { path, ...(cache === false ? { cache } : {}) });
        snapshots.push(opened);
        openedHere.push(opened.snapshotId);
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
    await Promise.all(openedHere.map((snapshotId) => context.api.call('closeSnapshot', { snapshotId }).catch(() => undefined)));
  };
  if (!snapshots.length) throw new HeapdeckError('NOT_FOUND', 'None of the snapshot files could be opened.');
  return { snapshots, skipped, closeAll };
}
