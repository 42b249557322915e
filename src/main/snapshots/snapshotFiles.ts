import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import { cachePathOf } from '../worker/cache/cacheHeader';
import { checkSnapshotPath, hasSnapshotExtension } from './snapshotPaths';

/** A file's size and modification time, the version of it the library saw. */
export interface FileState {
  sizeBytes: number;
  modifiedAtMs: number;
}

// Enough for any whitespace a writer puts before the first key.
const HEAD_BYTES = 4096;
const SNAPSHOT_START = /^\uFEFF?\s*\{\s*"snapshot"\s*:/;

/** The file's state, or undefined when there is no readable file at `path`. */
export async function fileState(path: string): Promise<FileState | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? { sizeBytes: info.size, modifiedAtMs: info.mtimeMs } : undefined;
}

/**
 * Checks that `path` is a heap snapshot worth adding to the library: a `.heapsnapshot` file
 * that starts as V8 writes one. A cheap look at the first bytes, not a parse: that happens
 * when it is opened.
 */
export async function checkImportableSnapshot(path: string): Promise<FileState> {
  if (!hasSnapshotExtension(path)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Only .heapsnapshot files can be imported (got "${path}").`);
  }
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (!info.isFile()) throw new HeapdeckError('INVALID_ARGUMENT', `${path} is not a file.`);
  const head = Buffer.alloc(HEAD_BYTES);
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileError(error, path);
  });
  try {
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    if (!SNAPSHOT_START.test(head.toString('utf8', 0, bytesRead))) {
      throw new HeapdeckError('SNAPSHOT_PARSE', `${path} is not a heap snapshot: it does not start with {"snapshot": as V8 writes them.`);
    }
  } finally {
    await handle.close();
  }
  return { sizeBytes: info.size, modifiedAtMs: info.mtimeMs };
}

/**
 * Copies a snapshot to a new file. The copy is made under a temporary name and renamed once
 * complete, so a copy that fails (disk full, cancelled) leaves nothing that looks whole.
 */
export async function copySnapshotFile(source: string, destination: unknown): Promise<{ path: string; sizeBytes: number }> {
  checkSnapshotPath(destination);
  if (await fileState(destination)) throw new HeapdeckError('INVALID_ARGUMENT', `${destination} already exists; choose another file name.`);
  const tempPath = `${destination}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await copyFile(source, tempPath, constants.COPYFILE_EXCL);
    await rename(tempPath, destination);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw fileError(error, destination);
  }
  const copied = await fileState(destination);
  return { path: destination, sizeBytes: copied?.sizeBytes ?? 0 };
}

/** Deletes a snapshot file and the analysis cache beside it; either may already be gone. */
export async function deleteSnapshotFile(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
    await rm(cachePathOf(path), { force: true });
  } catch (error) {
    throw fileError(error, path);
  }
}

/** A file system error as the user should read it. */
function fileError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new HeapdeckError('NOT_FOUND', `${path} does not exist (or its folder does not).`);
  if (code === 'EACCES' || code === 'EPERM') return new HeapdeckError('PERMISSION_DENIED', `Heapdeck may not access ${path}.`);
  return error;
}
