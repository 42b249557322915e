import type { SessionSummary } from '../../../shared/model/sessions';

/** How long a session ran; a session still recording counts up to now; an interrupted one is unknown. */
export function sessionDurationMs(session: SessionSummary, nowMs: number): number | undefined {
  if (session.endedAtMs !== undefined) return session.endedAtMs - session.startedAtMs;
  return session.status === 'watching' ? nowMs - session.startedAtMs : undefined;
}
