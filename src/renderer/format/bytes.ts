const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const KIB = 1024;

/**
 * A byte count as people read it: binary multiples (as V8 and DevTools count), three
 * significant digits, e.g. `512 B`, `12.3 MB`, `1.50 GB`.
 */
export function formatBytes(sizeBytes: number): string {
  if (!Number.isFinite(sizeBytes)) return '—';
  const sign = sizeBytes < 0 ? '-' : '';
  let value = Math.abs(sizeBytes);
  let unit = 0;
  while (value >= KIB && unit < UNITS.length - 1) {
    value /= KIB;
    unit++;
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${value.toFixed(digits)} ${UNITS[unit]}`;
}

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
