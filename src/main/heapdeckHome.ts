import { homedir } from 'node:os';
import { join } from 'node:path';

/** Heapdeck's data folder: sessions and settings. `HEAPDECK_HOME` moves it (tests, portable use). */
export function heapdeckHome(): string {
  return process.env.HEAPDECK_HOME ?? join(homedir(), '.heapdeck');
}
