import { formatBytes } from '../../shared/format/bytes';
import type { Alert, GcEvent, MemorySample } from '../../shared/model/metrics';

/** One human-readable line per sample, the fields a target has and nothing else. */
export function describeSample(sample: MemorySample): string {
  const parts = [clock(sample.timestampMs), `heap ${formatBytes(sample.heapUsedBytes)} / ${formatBytes(sample.heapTotalBytes)}`];
  if (sample.heapLimitBytes) {
    parts.push(`(${((sample.heapUsedBytes / sample.heapLimitBytes) * 100).toFixed(1)} % of ${formatBytes(sample.heapLimitBytes)})`);
  }
  if (sample.rssBytes !== undefined) parts.push(`rss ${formatBytes(sample.rssBytes)}`);
  if (sample.externalBytes !== undefined) parts.push(`external ${formatBytes(sample.externalBytes)}`);
  if (sample.arrayBuffersBytes !== undefined) parts.push(`array buffers ${formatBytes(sample.arrayBuffersBytes)}`);
  if (sample.domNodes !== undefined) parts.push(`DOM nodes ${sample.domNodes}`);
  if (sample.jsEventListeners !== undefined) parts.push(`listeners ${sample.jsEventListeners}`);
  return parts.join('  ');
}

export function describeGc(gc: GcEvent): string {
  const after = gc.heapUsedAfterBytes !== undefined ? `, heap after ${formatBytes(gc.heapUsedAfterBytes)}` : '';
  return `${clock(gc.timestampMs)}  GC ${gc.kind}${gc.forced ? ' (forced)' : ''} ${gc.durationMs.toFixed(1)} ms${after}`;
}

export function describeAlert(alert: Alert): string {
  return `${clock(alert.timestampMs)}  ${alert.level.toUpperCase()}: ${alert.message}`;
}

function clock(timestampMs: number): string {
  return new Date(timestampMs).toISOString().slice(11, 23);
}
