import type { WatchInfo } from '../../../shared/model/watches';
import { WatchStatusBadge } from '../../components/WatchStatusBadge';
import { formatClockTime } from '../../format/time';
import { DetachButton } from './DetachButton';
import { ForceGcButton } from './ForceGcButton';
import { TakeSnapshotButton } from './TakeSnapshotButton';
import { IntervalSelect } from './IntervalSelect';
import { useLiveStore } from './useLiveState';

const KIND_LABELS: Record<WatchInfo['target']['kind'], string> = {
  node: 'Node',
  'node-worker': 'Node worker',
  'chrome-page': 'Chrome page',
  'chrome-worker': 'Chrome worker',
  'chrome-service-worker': 'Service worker',
  other: 'Other',
};

interface WatchHeaderProps {
  info: WatchInfo;
  heapUsedBytes: number | undefined;
}

export function WatchHeader({ info, heapUsedBytes }: WatchHeaderProps) {
  const store = useLiveStore();
  const { target } = info;
  const pid = target.pid ?? info.launchedPid;
  const watching = info.status === 'watching';

  return (
    <header className="watch-header">
      <div className="watch-title-row">
        <h2 className="watch-title truncate" title={target.title}>
          {target.title || target.url || 'Untitled target'}
        </h2>
        <span className="tag">{KIND_LABELS[target.kind]}</span>
        {pid !== undefined && <span className="tag muted">pid {pid}</span>}
        <WatchStatusBadge status={info.status} reason={info.endReason} testId="watch-status" />
      </div>
      <div className="watch-meta">
        {target.url && (
          <span className="truncate url" title={target.url}>
            {target.url}
          </span>
        )}
        {target.product && <span>{target.product}</span>}
        <span>since {formatClockTime(info.startedAtMs)}</span>
      </div>
      {info.notes.length > 0 && (
        <ul className="watch-notes">
          {info.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      {!watching && info.endReason && <p className="end-reason">{info.endReason}</p>}
      <div className="watch-controls">
        <IntervalSelect info={info} />
        <ForceGcButton watchId={info.watchId} disabled={!watching} heapUsedBeforeBytes={heapUsedBytes} />
        <TakeSnapshotButton watchId={info.watchId} disabled={!watching} />
        {watching ? (
          <DetachButton watchId={info.watchId} />
        ) : (
          <button type="button" className="btn ghost" onClick={() => store.hideWatch(info.watchId)} title="Remove from this view; the session stays in Sessions">
            Close panel
          </button>
        )}
      </div>
    </header>
  );
}
