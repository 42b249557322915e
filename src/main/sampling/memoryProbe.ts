import type { GcEvent, MemorySample } from '../../shared/model/metrics';

export type ProbeSample = Omit<MemorySample, 'watchId'>;
export type ProbeGcEvent = Omit<GcEvent, 'watchId'>;

/**
 * Reads one target's memory through its CDP session. A Node probe and a Chrome probe
 * implement it; the watch manager neither knows nor cares which it has.
 */
export interface MemoryProbe {
  /** Takes one reading. */
  sample(): Promise<ProbeSample>;
  /** GC events the target reported since the last drain (empty where the target has none). */
  drainGcEvents(): Promise<ProbeGcEvent[]>;
  /**
   * Forces a full GC with `HeapProfiler.collectGarbage`; resolves with the GC it produced when
   * the target reports GCs, else with a marker measured around the call.
   */
  collectGarbage(): Promise<ProbeGcEvent>;
  /** Removes everything the probe installed in the target; safe to call on a dead target. */
  dispose(): Promise<void>;
}
