import { useState } from 'react';
import type { SessionSummary } from '../../../shared/model/sessions';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { SessionsTable } from './SessionsTable';
import { SessionViewer } from './SessionViewer';
import { useSessions } from './useSessions';

export function SessionsView() {
  const { sessions, error, loading, refresh, remove } = useSessions();
  const [open, setOpen] = useState<SessionSummary | null>(null);

  if (open) return <SessionViewer session={open} onBack={() => setOpen(null)} />;
  return (
    <div className="view" data-testid="view-sessions">
      <header className="view-header">
        <h1>Sessions</h1>
        <div className="view-tools">
          {loading && <Spinner label="Loading sessions" />}
          <button type="button" className="btn" onClick={() => void refresh()} disabled={loading} data-testid="sessions-refresh">
            Refresh
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="Could not list sessions" onRetry={() => void refresh()} />}
      {sessions && sessions.length === 0 && (
        <EmptyState title="No recorded sessions yet.">Every watch records a session to disk as it runs.</EmptyState>
      )}
      {sessions && sessions.length > 0 && (
        <section className="card">
          <SessionsTable sessions={sessions} onOpen={setOpen} onDelete={remove} />
        </section>
      )}
    </div>
  );
}
