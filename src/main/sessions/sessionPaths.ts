import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';

/** The files of one session folder. */
export const SESSION_FILES = {
  metadata: 'session.json',
  samples: 'samples.ndjson',
  gc: 'gc.ndjson',
  alerts: 'alerts.ndjson',
  log: 'log.ndjson',
} as const;

// Letters, digits, '_' and '-' only: an id can never climb out of the sessions folder.
const SESSION_ID_PATTERN = /^[\w-]+$/;

/** `<root>/sessions`, where every session has its own folder. */
export function sessionsDir(root: string): string {
  return join(root, 'sessions');
}

/** `<session folder>/snapshots`, where the session's heap snapshots are saved. */
export function sessionSnapshotsDir(sessionDir: string): string {
  return join(sessionDir, 'snapshots');
}

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && SESSION_ID_PATTERN.test(value);
}

/** The folder of a session; an id that is not one fails with INVALID_ARGUMENT. */
export function sessionDir(root: string, sessionId: string): string {
  if (!isSessionId(sessionId)) {
    throw new HeapdeckError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(String(sessionId).slice(0, 100))} is not a session id: ids have only letters, digits, "_" and "-".`,
    );
  }
  return join(sessionsDir(root), sessionId);
}

/** `20261123-161200-ab12`: the UTC start time first, so ids sort by time; a random tail. */
export function newSessionId(startedAtMs: number): string {
  const iso = new Date(startedAtMs).toISOString(); // 2026-11-23T16:12:00.000Z
  const day = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 19).replaceAll(':', '');
  return `${day}-${time}-${randomBytes(2).toString('hex')}`;
}
