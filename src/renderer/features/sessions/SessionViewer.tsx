import { useState } from 'react';
import type { SessionSummary } from '../../../shared/model/sessions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { WatchStatusBadge } from '../../components/WatchStatusBadge';
import { formatClockTime, formatDateTime } from '../../format/time';
import { ExportReportButton } from '../reports/ExportReportButton';
import { SessionSnapshots } from '../snapshots/SessionSnapshots';
import { useSessionSnapshots } from '../snapshots/useSessionSnapshots';
import { AlertList } from '../timeline/AlertList';
import { MemoryCharts } from '../timeline/charts/MemoryCharts';
import { HeapLimitToggle } from '../timeline/HeapLimitToggle';
import { useHeapLimitToggle } from '../timeline/useHeapLimitToggle';
import { useSessionSeries, type TimeWindow } from './useSessionSeries';

interface SessionViewerProps {
  session: SessionSummary;
  onBack: () => void;
}

/** A recorded session read-only, with the same charts as live; drag the brush to zoom in. */
export function SessionViewer({ session, onBack }: SessionViewerProps) {
  const [zoom, setZoom] = useState<TimeWindow[]>([]);
  const zoomWindow = zoom[zoom.length - 1] ?? null;
  const { series, error, loading, retry } = useSessionSeries(session.sessionId, zoomWindow);
  const samples = series?.samples ?? [];
  const limit = useHeapLimitToggle(samples[samples.length - 1]);
  const snapshots = useSessionSnapshots(session.sessionId);

  return (
    <div className="session-viewer" data-testid={`session-viewer-${session.sessionId}`}>
      <div className="view-header">
        <button type="button" className="btn ghost" onClick={onBack} data-testid="session-back">
          ← Sessions
        </button>
        <h1 className="truncate" title={session.target.title}>
          {session.target.title || 'Untitled target'}
        </h1>
        <WatchStatusBadge status={session.status} reason={session.endReason} />
        <span className="hint">{formatDateTime(session.startedAtMs)}</span>
        {snapshots.snapshots.length > 0 && (
          <ExportReportButton source={{ sessionId: session.sessionId }} defaultStem={`${session.dir}/heapdeck-report`} />
        )}
      </div>
      <section className="card">
        <div className="chart-toolbar">
          <span className="hint" aria-live="polite">
            {series &&
              `${formatClockTime(series.fromMs)} – ${formatClockTime(series.toMs)} · ${series.samples.length.toLocaleString('en-US')} of ${series.totalSamples.toLocaleString('en-US')} samples shown`}
          </span>
          {loading && <Spinner label="Loading the session" />}
          <span className="push-right" />
          {limit.hasLimit && <HeapLimitToggle checked={limit.showLimit} onChange={limit.setShowLimit} />}
          <button type="button" className="btn small" disabled={zoom.length === 0} onClick={() => setZoom((stack) => stack.slice(0, -1))}>
            Zoom out
          </button>
          <button type="button" className="btn small" disabled={zoom.length === 0} onClick={() => setZoom([])}>
            Whole session
          </button>
        </div>
        {error && <ErrorNotice error={error} title="Could not read the session" onRetry={retry} />}
        {series && samples.length === 0 && <div className="chart-placeholder">No samples in this window.</div>}
        {series && samples.length > 0 && (
          <MemoryCharts
            key={`${series.fromMs}-${series.toMs}`}
            samples={samples}
            gcEvents={series.gcEvents}
            alerts={series.alerts}
            targetKind={session.target.kind}
            syncId={`session-${session.sessionId}`}
            showLimit={limit.showLimit}
            brush={{ onSelect: (fromMs, toMs) => setZoom((stack) => [...stack, { fromMs, toMs }]) }}
            snapshotTimes={snapshots.times}
          />
        )}
        <SessionSnapshots snapshots={snapshots.snapshots} />
        <p className="hint">Drag the handles under the heap chart to zoom into a span; it is re-read at full detail.</p>
      </section>
      {series && <AlertList alerts={series.alerts} />}
    </div>
  );
}
