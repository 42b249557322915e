import { formatBytes } from '../../shared/format/bytes';

const KIB = 1024;

/** The exact count for a tooltip, e.g. `12,345,678 bytes`. */
export function formatExactBytes(sizeBytes: number): string {
  if (!Number.isFinite(sizeBytes)) return 'unknown';
  return `${Math.round(sizeBytes).toLocaleString('en-US')} bytes`;
}

/**
 * Axis ticks: MB below a gigabyte and GB above, with as few digits as keep ticks apart
 * (axis labels repeat the unit on every tick, so they must stay short).
 */
export function formatBytesTick(sizeBytes: number): string {
  const mb = sizeBytes / KIB / KIB;
  if (Math.abs(mb) >= 1024) return `${trimNumber(mb / 1024)} GB`;
  if (Math.abs(mb) >= 1 || sizeBytes === 0) return `${trimNumber(mb)} MB`;
  return `${trimNumber(sizeBytes / KIB)} KB`;
}

/** A growth rate such as a leak slope, e.g. `+1.25 MB/min`. */
export function formatBytesPerMinute(bytesPerMinute: number): string {
  const sign = bytesPerMinute > 0 ? '+' : '';
  return `${sign}${formatBytes(bytesPerMinute)}/min`;
}

function trimNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}
