import type { CdpSession } from '../cdp/cdpSession';
import { evaluateInTarget } from './evaluateInTarget';
import { forceGarbageCollection } from './forceGarbageCollection';
import type { MemoryProbe, ProbeSample } from './memoryProbe';
import { createSerialQueue } from './serialQueue';

/**
 * A probe for Chrome pages and workers (and any other V8 target): `Performance.getMetrics`
 * gives the JS heap and the DOM counters. Targets without the Performance domain (some workers,
 * non-Chrome runtimes) are read with `Runtime.getHeapUsage` instead.
 */
export async function createChromeProbe(session: CdpSession): Promise<MemoryProbe> {
  const hasMetrics = await session.send('Performance.enable', {}).then(
    () => true,
    () => false,
  );
  const heapLimitBytes = await readHeapLimit(session);
  const limit = heapLimitBytes === undefined ? {} : { heapLimitBytes };
  const serial = createSerialQueue();

  return {
    sample: () =>
      serial(async (): Promise<ProbeSample> => {
        const timestampMs = Date.now();
        if (!hasMetrics) {
          const usage = await session.send('Runtime.getHeapUsage');
          return { timestampMs, heapUsedBytes: usage.usedSize, heapTotalBytes: usage.totalSize, ...limit };
        }
        const { metrics } = await session.send('Performance.getMetrics');
        const values = new Map(metrics.map((metric) => [metric.name, metric.value]));
        const counter = (name: string, field: 'domNodes' | 'jsEventListeners' | 'documents' | 'frames') => {
          const value = values.get(name);
          return value === undefined ? {} : { [field]: value };
        };
        return {
          timestampMs,
          heapUsedBytes: values.get('JSHeapUsedSize') ?? 0,
          heapTotalBytes: values.get('JSHeapTotalSize') ?? 0,
          ...limit,
          ...counter('Nodes', 'domNodes'),
          ...counter('JSEventListeners', 'jsEventListeners'),
          ...counter('Documents', 'documents'),
          ...counter('Frames', 'frames'),
        };
      }),

    // Chrome targets report no GC events through the protocol (Node's come from perf_hooks,
    // which pages lack), so the timeline shows only the GCs Heapdeck forced.
    drainGcEvents: async () => [],

    collectGarbage: () => serial(() => forceGarbageCollection(session)),

    dispose: () =>
      serial(async () => {
        if (session.closed || !hasMetrics) return;
        await session.send('Performance.disable').catch(() => undefined);
      }),
  };
}

/** `performance.memory` is Chrome-only and absent in workers; without it the limit is unknown. */
async function readHeapLimit(session: CdpSession): Promise<number | undefined> {
  const value = await evaluateInTarget<unknown>(session, 'globalThis.performance?.memory?.jsHeapSizeLimit', 'heap limit reading').catch(
    () => undefined,
  );
  return typeof value === 'number' && value > 0 ? value : undefined;
}
