import { memo } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { SessionSnapshots } from '../snapshots/SessionSnapshots';
import { useSessionSnapshots } from '../snapshots/useSessionSnapshots';
import { AlertList } from './AlertList';
import { MemoryCharts } from './charts/MemoryCharts';
import { HeapLimitToggle } from './HeapLimitToggle';
import { LatestValues } from './LatestValues';
import type { WatchLive } from './liveStore';
import { OutputPanel } from './OutputPanel';
import { useDownsampled } from './useDownsampled';
import { useHeapLimitToggle } from './useHeapLimitToggle';
import { WatchHeader } from './WatchHeader';
import { WorkersList } from './WorkersList';

interface WatchPanelProps {
  live: WatchLive;
  /** False in the overlaid layout, where one shared chart replaces each panel's own. */
  showCharts: boolean;
}

/** One watched target: its controls, latest numbers, charts, alerts and output. */
export const WatchPanel = memo(function WatchPanel({ live, showCharts }: WatchPanelProps) {
  const { info } = live;
  const latest = live.samples[live.samples.length - 1];
  const chartSamples = useDownsampled(live.samples);
  const limit = useHeapLimitToggle(latest);
  const isNode = info.target.kind === 'node' || info.target.kind === 'node-worker';
  const snapshots = useSessionSnapshots(info.sessionId);

  return (
    <article className={`card watch-panel status-${info.status}`} data-testid={`watch-${info.watchId}`} aria-label={info.target.title}>
      <WatchHeader info={info} heapUsedBytes={latest?.heapUsedBytes} />
      <div className="watch-summary">
        <LatestValues latest={latest} gcTotal={live.gcTotal} isNode={isNode} />
        {live.loadingHistory && (
          <span className="hint">
            <Spinner /> Loading recent samples…
          </span>
        )}
        {showCharts && limit.hasLimit && <HeapLimitToggle checked={limit.showLimit} onChange={limit.setShowLimit} />}
      </div>
      {live.historyError && <ErrorNotice error={live.historyError} title="Could not load earlier samples" compact />}
      {showCharts &&
        (chartSamples.length === 0 ? (
          <div className="chart-placeholder">{info.status === 'watching' ? 'Waiting for the first sample…' : 'No samples recorded.'}</div>
        ) : (
          <MemoryCharts
            samples={chartSamples}
            gcEvents={live.gcEvents}
            alerts={live.alerts}
            targetKind={info.target.kind}
            syncId={info.watchId}
            showLimit={limit.showLimit}
            snapshotTimes={snapshots.times}
          />
        ))}
      <SessionSnapshots snapshots={snapshots.snapshots} />
      {info.target.kind === 'node' && info.status === 'watching' && <WorkersList watchId={info.watchId} />}
      <AlertList alerts={live.alerts} />
      {(info.attachedBy === 'launch' || live.logs.length > 0) && <OutputPanel logs={live.logs} />}
    </article>
  );
});
