import type { TargetDescriptor } from '../../shared/model/targets';
import type { CdpSession } from '../cdp/cdpSession';

/** A script Heapdeck started under the inspector. */
export interface LaunchedScript {
  pid: number;
  /** Each complete line the script writes, as it writes it. */
  onOutput(listener: (stream: 'stdout' | 'stderr', line: string) => void): () => void;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/** The outcome of an attach: an open session and what it reaches. */
export interface ConnectedTarget {
  session: CdpSession;
  descriptor: TargetDescriptor;
  /** What Heapdeck did to get here, shown to the user ("sent SIGUSR1 to pid 42, ..."). */
  notes: string[];
  launched?: LaunchedScript;
  /**
   * Lets a target go that waits for the debugger (a launched script starts paused so no
   * allocation is missed); a no-op for others. Call once the probe is installed.
   */
  resume(): Promise<void>;
}
