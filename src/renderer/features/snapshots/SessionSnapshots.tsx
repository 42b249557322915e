import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { useNavigation } from '../../app/navigationContext';
import { formatBytes } from '../../../shared/format/bytes';
import { formatClockTime } from '../../format/time';

/** The snapshots of one session under its timeline (◆ marks them on the chart); each opens the explorer. */
export function SessionSnapshots({ snapshots }: { snapshots: readonly SnapshotEntry[] }) {
  const { openSnapshot } = useNavigation();
  if (snapshots.length === 0) return null;
  return (
    <div className="session-snapshots" data-testid="session-snapshots">
      <span className="share">Snapshots:</span>
      {snapshots.map((snapshot) => (
        <button
          key={snapshot.path}
          type="button"
          className="btn small ghost"
          disabled={snapshot.missing}
          onClick={() => openSnapshot(snapshot.path)}
          title={`Open ${snapshot.path}`}
          data-testid="session-snapshot"
        >
          ◆ {formatClockTime(snapshot.takenAtMs)} · {snapshot.name} · {formatBytes(snapshot.sizeBytes)}
        </button>
      ))}
    </div>
  );
}
