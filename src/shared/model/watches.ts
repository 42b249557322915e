import type { AttachRequest, TargetDescriptor } from './targets';

/**
 * `watching`: samples flow. The rest are final: `target-exited` (the process or page ended),
 * `connection-lost` (the inspector socket dropped while the target may live on),
 * `detached` (the user stopped watching).
 */
export type WatchStatus = 'watching' | 'target-exited' | 'connection-lost' | 'detached';

/** One attached target being sampled, and the session recording it. */
export interface WatchInfo {
  watchId: string;
  sessionId: string;
  target: TargetDescriptor;
  attachedBy: AttachRequest['by'];
  startedAtMs: number;
  intervalMs: number;
  status: WatchStatus;
  /** Why the watch ended, in words, when it did. */
  endReason?: string;
  /** What Heapdeck did to reach the target, e.g. "sent SIGUSR1 to pid 1234". */
  notes: string[];
  /** PID of the process Heapdeck launched, for launched scripts. */
  launchedPid?: number;
}

export interface WatchStatusEvent {
  watchId: string;
  status: WatchStatus;
  reason?: string;
}
