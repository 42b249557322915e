import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import type { Alert, GcEvent, LogLine, MemorySample } from '../../shared/model/metrics';
import type { SessionSummary } from '../../shared/model/sessions';
import type { TargetDescriptor } from '../../shared/model/targets';
import type { WatchStatus } from '../../shared/model/watches';
import { registerLiveSession } from './liveSessions';
import { createNdjsonAppender } from './ndjsonAppender';
import { toSessionSummary, writeSessionMetadata, type SessionMetadata } from './sessionMetadata';
import { newSessionId, SESSION_FILES, sessionDir, sessionsDir } from './sessionPaths';

/** Records one watch to its session folder as events arrive. */
export interface SessionRecorder {
  readonly sessionId: string;
  readonly dir: string;
  /** Each append resolves once its line is handed to the OS; after close it does nothing. */
  appendSample(sample: MemorySample): Promise<void>;
  appendGc(event: GcEvent): Promise<void>;
  appendAlert(alert: Alert): Promise<void>;
  /** Output of a script Heapdeck launched. */
  appendLog(line: LogLine): Promise<void>;
  summary(): SessionSummary;
  /** Finishes the session: waits for pending appends, then writes the end and the counts. */
  close(status: Exclude<WatchStatus, 'watching'>, reason?: string): Promise<SessionSummary>;
}

const ID_ATTEMPTS = 5;

/**
 * Creates `<root>/sessions/<sessionId>/` and its `session.json` (status `watching`) at once, so
 * a session exists on disk from its first moment; samples, GCs, alerts and log lines then go
 * to their own NDJSON files line by line.
 */
export async function createSessionRecorder(root: string, target: TargetDescriptor, startedAtMs: number): Promise<SessionRecorder> {
  const opened = await openSession(root, target, startedAtMs);
  const { dir } = opened;
  let metadata = opened.metadata;
  const { sessionId } = metadata;

  const files = {
    samples: createNdjsonAppender(join(dir, SESSION_FILES.samples)),
    gc: createNdjsonAppender(join(dir, SESSION_FILES.gc)),
    alerts: createNdjsonAppender(join(dir, SESSION_FILES.alerts)),
    log: createNdjsonAppender(join(dir, SESSION_FILES.log)),
  };
  let closing: Promise<SessionSummary> | undefined;

  const counts = () => ({ sampleCount: files.samples.lineCount, gcCount: files.gc.lineCount, alertCount: files.alerts.lineCount });
  const summary = () => toSessionSummary(metadata, dir, counts());
  const unregister = registerLiveSession(dir, summary);
  const appendTo = (file: keyof typeof files) => async (record: unknown) => {
    if (!closing) await files[file].append(record);
  };

  const finish = async (status: Exclude<WatchStatus, 'watching'>, reason: string | undefined) => {
    try {
      await Promise.all(Object.values(files).map((file) => file.close()));
      metadata = {
        ...metadata,
        status,
        endedAtMs: Date.now(),
        ...(reason === undefined ? {} : { endReason: reason }),
        ...counts(),
      };
      await writeSessionMetadata(dir, metadata);
      return summary();
    } finally {
      unregister();
    }
  };

  return {
    sessionId,
    dir,
    appendSample: appendTo('samples'),
    appendGc: appendTo('gc'),
    appendAlert: appendTo('alerts'),
    appendLog: appendTo('log'),
    summary,
    close(status, reason) {
      closing ??= finish(status, reason);
      return closing;
    },
  };
}

/** Creates the folder and its first `session.json`; a failure says where and what to do. */
async function openSession(root: string, target: TargetDescriptor, startedAtMs: number): Promise<{ dir: string; metadata: SessionMetadata }> {
  try {
    const { sessionId, dir } = await createSessionFolder(root, startedAtMs);
    const metadata: SessionMetadata = { formatVersion: 1, sessionId, target, startedAtMs, status: 'watching' };
    await writeSessionMetadata(dir, metadata);
    return { dir, metadata };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HeapdeckError(
      (error as NodeJS.ErrnoException).code === 'EACCES' ? 'PERMISSION_DENIED' : 'INTERNAL',
      `Heapdeck could not create a session in ${sessionsDir(root)} (${reason}). Set HEAPDECK_HOME to a folder you can write to.`,
      { cause: error },
    );
  }
}

async function createSessionFolder(root: string, startedAtMs: number): Promise<{ sessionId: string; dir: string }> {
  await mkdir(sessionsDir(root), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const sessionId = newSessionId(startedAtMs);
    const dir = sessionDir(root, sessionId);
    try {
      await mkdir(dir);
      return { sessionId, dir };
    } catch (error) {
      // Two sessions started in the same second drew the same random tail: draw again.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ID_ATTEMPTS) throw error;
    }
  }
}
