import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionSummary } from '../../shared/model/sessions';
import { writeFileAtomic } from '../os/writeFileAtomic';
import { SESSION_FILES } from './sessionPaths';

/** What `session.json` holds: the summary without its folder, and counts once closed. */
export type SessionMetadata = Omit<SessionSummary, 'dir' | 'sampleCount' | 'gcCount' | 'alertCount'> &
  Partial<Pick<SessionSummary, 'sampleCount' | 'gcCount' | 'alertCount'>> & { formatVersion: 1 };

/** Writes `session.json` atomically: a reader (or a crash) never sees half of one. */
export async function writeSessionMetadata(dir: string, metadata: SessionMetadata): Promise<void> {
  await writeFileAtomic(join(dir, SESSION_FILES.metadata), `${JSON.stringify(metadata, null, 2)}\n`);
}

/** The folder's `session.json`, or undefined when it is missing or not a session's. */
export async function readSessionMetadata(dir: string): Promise<SessionMetadata | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, SESSION_FILES.metadata), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<SessionMetadata> | null;
    const valid = typeof value?.startedAtMs === 'number' && typeof value.target === 'object' && value.target !== null;
    return valid ? (value as SessionMetadata) : undefined;
  } catch {
    return undefined;
  }
}

export type SessionCounts = Pick<SessionSummary, 'sampleCount' | 'gcCount' | 'alertCount'>;

/** The summary clients see, from what `session.json` says and the counts known elsewhere. */
export function toSessionSummary(metadata: SessionMetadata, dir: string, counts: SessionCounts): SessionSummary {
  return {
    sessionId: metadata.sessionId,
    target: metadata.target,
    startedAtMs: metadata.startedAtMs,
    ...(metadata.endedAtMs === undefined ? {} : { endedAtMs: metadata.endedAtMs }),
    status: metadata.status,
    ...(metadata.endReason === undefined ? {} : { endReason: metadata.endReason }),
    ...counts,
    dir,
  };
}
