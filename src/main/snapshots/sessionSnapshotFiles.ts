import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isSessionId, sessionDir, sessionSnapshotsDir, sessionsDir } from '../sessions/sessionPaths';
import { hasSnapshotExtension } from './snapshotPaths';

/**
 * Every snapshot file in the sessions' snapshots folders, as absolute paths. Captures still
 * streaming are `<name>.heapsnapshot.partial` and analysis caches `.heapdeck-cache`, so the
 * extension alone leaves them out.
 */
export async function findSessionSnapshots(root: string): Promise<string[]> {
  const sessions = await namesIn(sessionsDir(resolve(root)));
  const perSession = await Promise.all(
    sessions.filter(isSessionId).map(async (sessionId) => {
      const folder = sessionSnapshotsDir(sessionDir(resolve(root), sessionId));
      const names = await namesIn(folder);
      return names.filter(hasSnapshotExtension).map((name) => join(folder, name));
    }),
  );
  return perSession.flat();
}

/** The session whose snapshots folder holds `path` (absolute), if it is in one. */
export function sessionOfSnapshot(root: string, path: string): string | undefined {
  const folder = dirname(path);
  const sessionId = basename(dirname(folder));
  if (!isSessionId(sessionId)) return undefined;
  return sessionSnapshotsDir(sessionDir(resolve(root), sessionId)) === folder ? sessionId : undefined;
}

async function namesIn(folder: string): Promise<string[]> {
  return readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
}
