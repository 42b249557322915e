import { useState } from 'react';
import type { NodeProcessInfo } from '../../../shared/model/targets';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { ProcessRow } from './ProcessRow';
import type { AttachState } from './useAttach';

interface ProcessTableProps {
  processes: readonly NodeProcessInfo[] | undefined;
  processesError: string | undefined;
  attachState: AttachState;
  watchedPids: ReadonlySet<number>;
  onShowWatch: () => void;
}

export function ProcessTable({ processes, processesError, attachState, watchedPids, onShowWatch }: ProcessTableProps) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (processes ?? []).filter(
    (process) => !needle || process.command.toLowerCase().includes(needle) || String(process.pid).includes(needle),
  );

  return (
    <section className="card" aria-labelledby="processes-heading">
      <header className="card-header">
        <h2 id="processes-heading">Node processes on this machine</h2>
        <input
          className="input filter"
          type="search"
          placeholder="Filter by PID or command"
          aria-label="Filter processes"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </header>
      {processesError && <p className="hint warning-text">Could not list processes: {processesError}</p>}
      {!processes && !processesError && (
        <p className="hint">
          <Spinner /> Looking for Node processes…
        </p>
      )}
      {processes && shown.length === 0 ? (
        <EmptyState title={needle ? 'No process matches the filter.' : 'No Node processes found.'}>
          Start one with <code>node --inspect app.js</code>, or launch a script below.
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th className="num">PID</th>
              <th>Command line</th>
              <th className="num">RSS</th>
              <th className="col-inspector">Inspector</th>
              <th className="actions" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {shown.map((process) => {
              const key = `pid:${process.pid}`;
              return (
                <ProcessRow
                  key={process.pid}
                  process={process}
                  pending={attachState.pendingKeys.has(key)}
                  error={attachState.errors[key]}
                  watched={watchedPids.has(process.pid)}
                  onAttach={() => void attachState.attach(key, { by: 'pid', pid: process.pid })}
                  onShowWatch={onShowWatch}
                  onDismissError={() => attachState.clearError(key)}
                />
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
