import type { SessionSummary } from '../../../shared/model/sessions';
import { WatchStatusBadge } from '../../components/WatchStatusBadge';
import { formatDateTime, formatDuration } from '../../format/time';
import { DeleteSessionButton } from './DeleteSessionButton';
import { sessionDurationMs } from './sessionDuration';

interface SessionRowProps {
  session: SessionSummary;
  nowMs: number;
  onOpen: () => void;
  onDelete: (sessionId: string) => Promise<void>;
}

export function SessionRow({ session, nowMs, onOpen, onDelete }: SessionRowProps) {
  const durationMs = sessionDurationMs(session, nowMs);
  return (
    <tr
      tabIndex={0}
      data-testid={`session-row-${session.sessionId}`}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onOpen();
      }}
      aria-label={`Session of ${session.target.title}`}
    >
      <td>
        <div className="session-target">
          <span className="truncate" title={`${session.target.title}\n${session.target.url}`}>
            {session.target.title || session.target.url || 'Untitled target'}
            {session.target.pid !== undefined && <span className="muted"> · pid {session.target.pid}</span>}
          </span>
          <span className="truncate path" title={session.dir}>
            {session.dir}
          </span>
        </div>
      </td>
      <td>{formatDateTime(session.startedAtMs)}</td>
      <td>{durationMs === undefined ? '—' : formatDuration(durationMs)}</td>
      <td>
        <WatchStatusBadge status={session.status} reason={session.endReason} />
      </td>
      <td className="num">{session.sampleCount.toLocaleString('en-US')}</td>
      <td className="num">{session.gcCount.toLocaleString('en-US')}</td>
      <td className="num">{session.alertCount.toLocaleString('en-US')}</td>
      <td className="actions">
        <button type="button" className="btn small primary" onClick={onOpen} data-testid={`session-open-${session.sessionId}`}>
          Open
        </button>
        <DeleteSessionButton sessionId={session.sessionId} disabled={session.status === 'watching'} onDelete={onDelete} />
      </td>
    </tr>
  );
}
