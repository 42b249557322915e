import { formatBytes } from '../../shared/format/bytes';
import type { ReportSession } from '../../shared/model/report';
import { escapeHtml } from './escapeHtml';
import { round } from './sparklineSvg';

const WIDTH = 900;
const HEIGHT = 240;
const PLOT = { left: 70, right: WIDTH - 10, top: 16, bottom: HEIGHT - 24 };

/**
 * The session's memory over time (heap used, heap total, the heap limit when near them) with its
 * markers: GCs as ticks under the plot, snapshots as ◆ above it, alerts as ▲ in their level's
 * colour. Marker labels come from the target (alert messages, file names) and are escaped.
 */
export function timelineSvg(session: ReportSession): string {
  const { samples, markers } = session;
  if (!samples.length) return '<p class="muted">No samples were recorded.</p>';
  const fromMs = Math.min(samples[0]!.timestampMs, ...markers.map((marker) => marker.timestampMs));
  const toMs = Math.max(samples[samples.length - 1]!.timestampMs, ...markers.map((marker) => marker.timestampMs));
  const heapTotalMax = Math.max(...samples.map((sample) => sample.heapTotalBytes));
  // A limit far above the heap would flatten the lines to the axis; it is drawn only when near.
  const heapLimit = session.environment.heapLimitBytes;
  const limit = heapLimit !== undefined && heapLimit <= heapTotalMax * 2 ? heapLimit : undefined;
  const maxBytes = Math.max(heapTotalMax, limit ?? 0) || 1;
  const x = (ms: number) => round(PLOT.left + ((ms - fromMs) / (toMs - fromMs || 1)) * (PLOT.right - PLOT.left));
  const y = (bytes: number) => round(PLOT.bottom - (bytes / maxBytes) * (PLOT.bottom - PLOT.top));
  const line = (pick: (sample: (typeof samples)[number]) => number) => samples.map((sample) => `${x(sample.timestampMs)},${y(pick(sample))}`).join(' ');

  const parts = [
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>`,
    `<text class="tick" x="${PLOT.left - 6}" y="${PLOT.top + 4}" text-anchor="end">${formatBytes(maxBytes)}</text>`,
    `<text class="tick" x="${PLOT.left - 6}" y="${PLOT.bottom}" text-anchor="end">0</text>`,
    `<text class="tick" x="${PLOT.left}" y="${HEIGHT - 6}">0 s</text>`,
    `<text class="tick" x="${PLOT.right}" y="${HEIGHT - 6}" text-anchor="end">${((toMs - fromMs) / 1000).toFixed(1)} s</text>`,
    limit ? `<line class="limit" x1="${PLOT.left}" y1="${y(limit)}" x2="${PLOT.right}" y2="${y(limit)}"><title>heap limit ${formatBytes(limit)}</title></line>` : '',
    `<polyline class="heap-total" points="${line((sample) => sample.heapTotalBytes)}"/>`,
    `<polyline class="heap-used" points="${line((sample) => sample.heapUsedBytes)}"/>`,
    ...markers.map((marker) => {
      const at = x(marker.timestampMs);
      const title = `<title>${escapeHtml(marker.label)}</title>`;
      if (marker.kind === 'gc') return `<line class="marker-gc" x1="${at}" y1="${PLOT.bottom}" x2="${at}" y2="${PLOT.bottom + 6}">${title}</line>`;
      if (marker.kind === 'snapshot') return `<text class="marker-snapshot" x="${at}" y="${PLOT.top - 3}" text-anchor="middle">◆${title}</text>`;
      return `<text class="marker-alert ${marker.level ?? 'warning'}" x="${at}" y="${PLOT.top + 10}" text-anchor="middle">▲${title}</text>`;
    }),
  ];
  return `<svg class="timeline" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Memory timeline">${parts.join('')}</svg>`;
}
