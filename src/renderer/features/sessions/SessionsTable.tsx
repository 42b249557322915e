import type { SessionSummary } from '../../../shared/model/sessions';
import { SessionRow } from './SessionRow';

interface SessionsTableProps {
  sessions: readonly SessionSummary[];
  onOpen: (session: SessionSummary) => void;
  onDelete: (sessionId: string) => Promise<void>;
}

export function SessionsTable({ sessions, onOpen, onDelete }: SessionsTableProps) {
  const nowMs = Date.now();
  return (
    <table className="table sessions">
      <thead>
        <tr>
          <th>Target and folder</th>
          <th className="col-started">Started</th>
          <th className="col-duration">Duration</th>
          <th className="col-status">Status</th>
          <th className="num">Samples</th>
          <th className="num">GCs</th>
          <th className="num">Alerts</th>
          <th className="actions" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <SessionRow key={session.sessionId} session={session} nowMs={nowMs} onOpen={() => onOpen(session)} onDelete={onDelete} />
        ))}
      </tbody>
    </table>
  );
}
