import type { ApiClient } from '../../shared/contract/client';
import type { SessionSeries } from '../../shared/model/sessions';
import { REPORT_TIMELINE_MAX_POINTS, type ReportMarker, type ReportSession } from '../../shared/model/report';
import type { SnapshotEntry } from '../../shared/model/snapshotLibrary';

/**
 * The session's timeline for a report: the service downsamples it (LTTB) to the report's point
 * budget, and GCs, alerts and the session's snapshots become markers on it.
 */
export async function readSessionTimeline(api: ApiClient, sessionId: string, snapshots: SnapshotEntry[]): Promise<ReportSession> {
  const series = await api.call('getSessionSeries', { sessionId, maxPoints: REPORT_TIMELINE_MAX_POINTS });
  const { session } = series;
  const lastLimit = series.samples.findLast((sample) => sample.heapLimitBytes !== undefined)?.heapLimitBytes;
  return {
    sessionId,
    target: session.target,
    environment: {
      ...(session.target.product ? { product: session.target.product } : {}),
      ...(session.target.pid !== undefined ? { pid: session.target.pid } : {}),
      ...(lastLimit !== undefined ? { heapLimitBytes: lastLimit } : {}),
    },
    startedAtMs: session.startedAtMs,
    ...(session.endedAtMs !== undefined ? { endedAtMs: session.endedAtMs } : {}),
    totalSamples: series.totalSamples,
    samples: series.samples,
    markers: markersOf(series, snapshots),
  };
}

function markersOf(series: SessionSeries, snapshots: SnapshotEntry[]): ReportMarker[] {
  const markers: ReportMarker[] = [
    ...series.gcEvents.map((gc): ReportMarker => ({
      kind: 'gc',
      timestampMs: gc.timestampMs,
      label: `${gc.forced ? 'forced ' : ''}${gc.kind} GC, ${gc.durationMs.toFixed(1)} ms`,
    })),
    ...series.alerts.map((alert): ReportMarker => ({ kind: 'alert', timestampMs: alert.timestampMs, label: alert.message, level: alert.level })),
    ...snapshots.map((entry): ReportMarker => ({ kind: 'snapshot', timestampMs: entry.takenAtMs, label: entry.name })),
  ];
  return markers.sort((a, b) => a.timestampMs - b.timestampMs);
}
