function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Wall-clock time of day, `14:03:27`, for chart axes and logs. */
export function formatClockTime(timestampMs: number): string {
  const date = new Date(timestampMs);
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** Clock time with milliseconds, for tooltips where two events may share a second. */
export function formatPreciseTime(timestampMs: number): string {
  const date = new Date(timestampMs);
  return `${formatClockTime(timestampMs)}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** Local date and time, `2025-11-23 14:03`, for lists of sessions. */
export function formatDateTime(timestampMs: number): string {
  const date = new Date(timestampMs);
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `${day} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** A span as people say it: `850 ms`, `42 s`, `3 min 20 s`, `2 h 5 min`. */
export function formatDuration(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return '—';
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  const totalSeconds = Math.round(durationMs / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min ${totalSeconds % 60} s`;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours} h ${totalMinutes % 60} min`;
}

/** A GC pause or call time: `0.42 ms`, `12.3 ms`, `1.20 s`. */
export function formatPauseMs(durationMs: number): string {
  if (durationMs >= 1000) return `${(durationMs / 1000).toFixed(2)} s`;
  if (durationMs >= 10) return `${durationMs.toFixed(1)} ms`;
  return `${durationMs.toFixed(2)} ms`;
}
