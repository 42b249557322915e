import type { CdpSession } from '../cdp/cdpSession';
import type { ProbeGcEvent } from './memoryProbe';

/**
 * Forces a full GC with `HeapProfiler.collectGarbage` and describes it as seen from Heapdeck:
 * when it was asked for and how long the call took. The marker for targets that do not report
 * their own GCs, or did not in time.
 */
export async function forceGarbageCollection(session: CdpSession): Promise<ProbeGcEvent> {
  const timestampMs = Date.now();
  const startedMs = performance.now();
  await session.send('HeapProfiler.collectGarbage');
  return { timestampMs, kind: 'major', forced: true, durationMs: performance.now() - startedMs };
}
