import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import type { SessionSeries, SessionSummary } from '../../shared/model/sessions';
import { liveSessionSummary } from './liveSessions';
import { countCompleteLines } from './ndjsonLines';
import { readSessionMetadata, toSessionSummary } from './sessionMetadata';
import { isSessionId, SESSION_FILES, sessionDir, sessionsDir } from './sessionPaths';
import { readSessionSeries, type SeriesWindow } from './sessionSeries';

/** The recorded sessions under one Heapdeck folder. */
export interface SessionStore {
  /** Every session, newest first. */
  list(): Promise<SessionSummary[]>;
  /** A window of one session, downsampled for a chart. */
  readSeries(sessionId: string, window?: SeriesWindow): Promise<SessionSeries>;
  /** Deletes a session's folder; a session still recording cannot be deleted. */
  delete(sessionId: string): Promise<void>;
}

/**
 * Opens the sessions under `<root>/sessions`. A session whose `session.json` has no end time
 * and that no recorder of this process is writing was cut off (Heapdeck crashed or was
 * killed): it is listed as `interrupted`, with counts taken from its files.
 */
export function createSessionStore(root: string): SessionStore {
  const summarize = async (dir: string): Promise<SessionSummary | undefined> => {
    const live = liveSessionSummary(dir);
    if (live) return live;
    const metadata = await readSessionMetadata(dir);
    if (!metadata) return undefined;
    const ended = metadata.endedAtMs !== undefined;
    // The folder name is what lookups use, even if someone copied the folder under a new name.
    const sessionId = basename(dir);
    const counts = {
      sampleCount: metadata.sampleCount ?? (await countCompleteLines(join(dir, SESSION_FILES.samples))),
      gcCount: metadata.gcCount ?? (await countCompleteLines(join(dir, SESSION_FILES.gc))),
      alertCount: metadata.alertCount ?? (await countCompleteLines(join(dir, SESSION_FILES.alerts))),
    };
    return toSessionSummary(
      ended
        ? { ...metadata, sessionId }
        : { ...metadata, sessionId, status: 'interrupted', endReason: 'Heapdeck stopped before it could close this session.' },
      dir,
      counts,
    );
  };

  const existing = async (sessionId: string): Promise<SessionSummary> => {
    const summary = await summarize(sessionDir(root, sessionId));
    if (!summary) throw new HeapdeckError('NOT_FOUND', `There is no recorded session "${sessionId}"; it may have been deleted.`);
    return summary;
  };

  return {
    async list() {
      const entries = await readdir(sessionsDir(root), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const folders = entries.filter((entry) => entry.isDirectory() && isSessionId(entry.name));
      const summaries = await Promise.all(folders.map((entry) => summarize(sessionDir(root, entry.name))));
      return summaries
        .filter((summary): summary is SessionSummary => summary !== undefined)
        .sort((a, b) => b.startedAtMs - a.startedAtMs || (a.sessionId < b.sessionId ? 1 : -1));
    },

    async readSeries(sessionId, window) {
      return readSessionSeries(await existing(sessionId), window);
    },

    async delete(sessionId) {
      const dir = sessionDir(root, sessionId);
      if (liveSessionSummary(dir)) {
        throw new HeapdeckError('INVALID_ARGUMENT', `Session "${sessionId}" is still recording; stop watching its target first.`);
      }
      const found = await stat(dir).then(
        (info) => info.isDirectory(),
        () => false,
      );
      if (!found) throw new HeapdeckError('NOT_FOUND', `There is no recorded session "${sessionId}"; it may have been deleted.`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
