import type { Alert, GcEvent, MemorySample } from './metrics';
import type { TargetDescriptor } from './targets';
import type { WatchStatus } from './watches';

/** A recording on disk of one watch: everything sampled, as it arrived. */
export interface SessionSummary {
  sessionId: string;
  target: TargetDescriptor;
  startedAtMs: number;
  /** Absent while recording, or when the app died before it could close the session. */
  endedAtMs?: number;
  status: WatchStatus | 'interrupted';
  endReason?: string;
  sampleCount: number;
  gcCount: number;
  alertCount: number;
  /** The session's folder, for "reveal in file manager" and the CLI. */
  dir: string;
}

/** A window of a session, downsampled for a chart; the full data stays on disk. */
export interface SessionSeries {
  session: SessionSummary;
  fromMs: number;
  toMs: number;
  /** Samples in the window before downsampling. */
  totalSamples: number;
  samples: MemorySample[];
  gcEvents: GcEvent[];
  alerts: Alert[];
}
