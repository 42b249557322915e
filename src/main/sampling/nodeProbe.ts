import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CdpSession } from '../cdp/cdpSession';
import { evaluateInTarget } from './evaluateInTarget';
import { forceGarbageCollection } from './forceGarbageCollection';
import type { MemoryProbe, ProbeGcEvent, ProbeSample } from './memoryProbe';
import {
  drainGcObserverExpression,
  installGcObserverExpression,
  removeGcObserverExpression,
  toProbeGcEvent,
  type RawGcDrain,
} from './nodeGcObserver';
import { createSerialQueue } from './serialQueue';

export interface NodeProbeOptions {
  /** GC events the target keeps between drains (default 2000); the oldest are dropped first. */
  gcBufferCapacity?: number;
  /** The target's observer removes itself when not drained for this long (default 5 min). */
  idleDisconnectMs?: number;
}

export interface NodeMemoryProbe extends MemoryProbe {
  /** GC events the target dropped because its buffer was full between drains, in total. */
  readonly droppedGcEventCount: number;
}

/**
 * How long collectGarbage waits for the target to report the GC it forced. The report needs a
 * turn of the target's event loop, which a busy target (or a loaded machine) may delay.
 */
const FORCED_GC_WAIT_MS = 2000;
const FORCED_GC_POLL_MS = 20;

// One evaluate for everything `Runtime.getHeapUsage` does not give. In a worker thread
// process.memoryUsage() describes the whole process; it is still the process the worker costs.
const SAMPLE_EXPRESSION = `(() => {
  const v8 = process.getBuiltinModule?.('v8') ?? require('v8');
  const memory = process.memoryUsage();
  return {
    rss: memory.rss,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    heapLimit: v8.getHeapStatistics().heap_size_limit,
    spaces: v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size, s.space_size]),
  };
})()`;

interface RawMemory {
  rss: number;
  external: number;
  /** Absent before Node 13.9. */
  arrayBuffers?: number;
  heapLimit: number;
  spaces: [string, number, number][];
}

/**
 * A probe for a Node process or worker thread: heap usage from `Runtime.getHeapUsage`, process
 * memory and heap spaces from one `Runtime.evaluate`, and GC events from a `perf_hooks`
 * observer it installs in the target under its own id (so two Heapdecks on one target do not
 * steal each other's events). The observer cleans up after itself if Heapdeck never comes back.
 */
export async function createNodeProbe(session: CdpSession, options: NodeProbeOptions = {}): Promise<NodeMemoryProbe> {
  const probeId = randomUUID();
  const observerSettings = {
    capacity: options.gcBufferCapacity ?? 2000,
    idleDisconnectMs: options.idleDisconnectMs ?? 5 * 60_000,
  };
  const serial = createSerialQueue();
  let droppedGcEventCount = 0;
  // Events drained while looking for a forced GC, owed to the next drainGcEvents.
  let owed: ProbeGcEvent[] = [];

  // A process caught while still bootstrapping (attached the moment its inspector opened) cannot
  // load perf_hooks yet; a failed install is retried by the next drain instead of failing attach.
  const install = () =>
    evaluateInTarget<boolean>(session, installGcObserverExpression(probeId, observerSettings), 'GC observer').catch(() => false);

  /** Undefined when the observer had removed itself (it is put back; its events are lost). */
  const drain = async (): Promise<{ events: ProbeGcEvent[]; nowMs: number } | undefined> => {
    const raw = await evaluateInTarget<RawGcDrain>(session, drainGcObserverExpression(probeId), 'GC drain');
    if (!raw) {
      await install();
      return undefined;
    }
    droppedGcEventCount += raw.dropped;
    return { events: raw.entries.map(toProbeGcEvent), nowMs: raw.nowMs };
  };

  await install();

  return {
    get droppedGcEventCount() {
      return droppedGcEventCount;
    },

    sample: () =>
      serial(async (): Promise<ProbeSample> => {
        const timestampMs = Date.now();
        const usage = await session.send('Runtime.getHeapUsage');
        const memory = await evaluateInTarget<RawMemory>(session, SAMPLE_EXPRESSION, 'memory reading');
        return {
          timestampMs,
          heapUsedBytes: usage.usedSize,
          heapTotalBytes: usage.totalSize,
          heapLimitBytes: memory.heapLimit,
          rssBytes: memory.rss,
          externalBytes: memory.external,
          ...(typeof memory.arrayBuffers === 'number' ? { arrayBuffersBytes: memory.arrayBuffers } : {}),
          spaces: memory.spaces.map(([name, usedBytes, sizeBytes]) => ({ name, usedBytes, sizeBytes })),
        };
      }),

    drainGcEvents: () =>
      serial(async () => {
        const drained = await drain();
        const events = [...owed, ...(drained?.events ?? [])];
        owed = [];
        return events;
      }),

    collectGarbage: () =>
      serial(async () => {
        // The target's clock before the call: major GCs that start after it are the forced ones.
        const before = await drain();
        owed.push(...(before?.events ?? []));
        const sinceMs = before?.nowMs ?? -Infinity;
        const marker = await forceGarbageCollection(session);
        // The observer hears of the GC through the target's event loop, a moment after the call.
        const deadline = performance.now() + FORCED_GC_WAIT_MS;
        for (;;) {
          const events = (await drain())?.events ?? [];
          const forced = events.filter((event) => event.kind === 'major' && event.timestampMs >= sinceMs);
          owed.push(...events.filter((event) => !forced.includes(event)));
          if (forced.length > 0) return mergeForcedGcs(forced);
          if (performance.now() >= deadline) return marker;
          await delay(FORCED_GC_POLL_MS);
        }
      }),

    dispose: () =>
      serial(async () => {
        owed = [];
        if (session.closed) return;
        await evaluateInTarget(session, removeGcObserverExpression(probeId), 'GC observer removal').catch(() => undefined);
      }),
  };
}

/**
 * `HeapProfiler.collectGarbage` runs V8's "collect all available garbage": several major GCs
 * back to back until nothing more is freed. To the user that is one forced GC.
 */
function mergeForcedGcs(gcs: ProbeGcEvent[]): ProbeGcEvent {
  const heapUsedAfterBytes = gcs.findLast((gc) => gc.heapUsedAfterBytes !== undefined)?.heapUsedAfterBytes;
  return {
    timestampMs: gcs[0]!.timestampMs,
    kind: 'major',
    forced: true,
    durationMs: gcs.reduce((total, gc) => total + gc.durationMs, 0),
    ...(heapUsedAfterBytes === undefined ? {} : { heapUsedAfterBytes }),
  };
}
