const OPEN_PARAM = 'open';

/** `open=<path>`: the URL-fragment parameter that asks the UI to open a snapshot at start. */
export function launchSnapshotHash(path: string): string {
  return `${OPEN_PARAM}=${encodeURIComponent(path)}`;
}

/** The snapshot a launch asked for (`heapdeck serve <file>`, or a file given to the app), if any. */
export function launchSnapshotPath(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(OPEN_PARAM) ?? undefined;
}
