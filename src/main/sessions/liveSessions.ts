import { resolve } from 'node:path';
import type { SessionSummary } from '../../shared/model/sessions';

// Sessions this process is recording, by folder. A session.json without an end time belongs
// to a live recorder or to a run of Heapdeck that died; only this registry can tell which.
const live = new Map<string, () => SessionSummary>();

/** Marks a session folder as recording; the returned function unmarks it. */
export function registerLiveSession(dir: string, summary: () => SessionSummary): () => void {
  const key = resolve(dir);
  live.set(key, summary);
  return () => {
    if (live.get(key) === summary) live.delete(key);
  };
}

/** The current summary of a session this process is recording, else undefined. */
export function liveSessionSummary(dir: string): SessionSummary | undefined {
  return live.get(resolve(dir))?.();
}
