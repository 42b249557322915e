import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { ByteSize } from '../../components/ByteSize';
import { formatDateTime } from '../../format/time';
import { SnapshotActions } from './SnapshotActions';
import { snapshotTargetLabel } from './snapshotTargetLabel';

interface SnapshotLibraryTableProps {
  entries: SnapshotEntry[];
  onOpen(entry: SnapshotEntry): void;
  onDelete(entry: SnapshotEntry, deleteFile: boolean): Promise<void>;
  /** Paths ticked for a series analysis. */
  selected: ReadonlySet<string>;
  onToggle(entry: SnapshotEntry): void;
}

/** Snapshots grouped by target (newest group first); Enter on a row opens it. */
export function SnapshotLibraryTable({ entries, onOpen, onDelete, selected, onToggle }: SnapshotLibraryTableProps) {
  const groups = new Map<string, SnapshotEntry[]>();
  for (const entry of entries) {
    const label = snapshotTargetLabel(entry);
    groups.set(label, [...(groups.get(label) ?? []), entry]);
  }
  return (
    <table className="table snapshot-table" data-testid="snapshot-library">
      <thead>
        <tr>
          <th className="col-pick">
            <span className="visually-hidden">Pick for a series</span>
          </th>
          <th>Name</th>
          <th className="col-time">Taken</th>
          <th className="num">File</th>
          <th className="num">Objects</th>
          <th className="num">Heap</th>
          <th className="actions">Actions</th>
        </tr>
      </thead>
      {[...groups].map(([label, group]) => (
        <tbody key={label}>
          <tr className="group-row">
            <th colSpan={7} scope="rowgroup">
              {label}
              {group[0]?.sessionId && <span className="share">session {group[0].sessionId}</span>}
            </th>
          </tr>
          {group.map((entry) => (
            <tr
              key={entry.path}
              tabIndex={0}
              data-testid={`snapshot-row-${encodeURIComponent(entry.name)}`}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && event.target === event.currentTarget && !entry.missing) onOpen(entry);
              }}
            >
              <td className="col-pick">
                <input
                  type="checkbox"
                  checked={selected.has(entry.path)}
                  disabled={entry.missing}
                  onChange={() => onToggle(entry)}
                  aria-label={`Pick ${entry.name} for a series`}
                  data-testid={`snapshot-pick-${encodeURIComponent(entry.name)}`}
                />
              </td>
              <td>
                <div className="truncate" title={entry.path}>
                  {entry.name}
                </div>
                {entry.missing && <span className="badge level-critical">missing</span>}
              </td>
              <td className="col-time">{formatDateTime(entry.takenAtMs)}</td>
              <td className="num">
                <ByteSize sizeBytes={entry.sizeBytes} />
              </td>
              <td className="num">{entry.nodeCount?.toLocaleString('en-US') ?? '—'}</td>
              <td className="num">
                <ByteSize sizeBytes={entry.totalSizeBytes} />
              </td>
              <td className="actions">
                <SnapshotActions entry={entry} onOpen={onOpen} onDelete={onDelete} />
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
