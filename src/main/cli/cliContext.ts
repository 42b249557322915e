import type { ApiClient } from '../../shared/contract/client';

/** What every command gets: the API (through the in-process door) and the two output streams. */
export interface CliContext {
  api: ApiClient;
  out(line: string): void;
  err(line: string): void;
  /** A transient status line (a progress bar on a terminal); an empty line clears it. */
  progress(line: string): void;
  /** Resolves when the user presses Ctrl-C (or the process gets SIGTERM). */
  interrupted: Promise<void>;
  /** The built renderer, for `serve`. */
  rendererDir: string;
}
