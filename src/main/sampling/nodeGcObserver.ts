import type { GcKind } from '../../shared/model/metrics';
import type { ProbeGcEvent } from './memoryProbe';

// The text in this file runs inside the user's Node process (or worker thread), so it is
// plain JavaScript that old Node versions accept, and it holds as little as possible there.

/** `Symbol.for` key of the global Map (probe id → observer state) that the observers live in. */
export const GC_OBSERVERS_KEY = 'heapdeck.gcObservers';

export interface GcObserverSettings {
  /** GC entries kept between drains; beyond it the oldest are dropped and counted. */
  capacity: number;
  /** Undrained this long, the observer removes itself: Heapdeck is gone or asleep. */
  idleDisconnectMs: number;
}

/** One GC as buffered in the target: [timestampMs, kind, durationMs, heapUsedAfterBytes]. */
type RawGcEntry = [number, GcKind, number, number | null];

/** What a drain returns; null when this probe's observer is not there (any more). */
export type RawGcDrain = { entries: RawGcEntry[]; dropped: number; nowMs: number } | null;

const observers = `globalThis[Symbol.for(${JSON.stringify(GC_OBSERVERS_KEY)})]`;

/**
 * Installs (or replaces) the probe's `PerformanceObserver` for 'gc' entries. Entries reach it
 * through the target's event loop shortly after each GC, so the heap size read there is the
 * heap right after the batch's last major GC, and only that entry carries it. The idle check
 * runs at GC callback time because a timer would keep the target alive and wake it up.
 */
export function installGcObserverExpression(probeId: string, settings: GcObserverSettings): string {
  return `(() => {
  const key = Symbol.for(${JSON.stringify(GC_OBSERVERS_KEY)});
  const id = ${JSON.stringify(probeId)};
  const capacity = ${Math.max(1, Math.floor(settings.capacity))};
  const idleMs = ${Math.max(0, settings.idleDisconnectMs)};
  const perfHooks = process.getBuiltinModule?.('perf_hooks') ?? require('perf_hooks');
  const v8 = process.getBuiltinModule?.('v8') ?? require('v8');
  const c = perfHooks.constants;
  let registry = globalThis[key];
  if (!(registry instanceof Map)) {
    registry = new Map();
    Object.defineProperty(globalThis, key, { value: registry, configurable: true, enumerable: false, writable: false });
  }
  registry.get(id)?.stop();
  // 2 is V8's minor mark-compact (--minor-ms), which Node has no constant for.
  const kindOf = (k) => k === c.NODE_PERFORMANCE_GC_MAJOR ? 'major'
    : k === c.NODE_PERFORMANCE_GC_MINOR || k === 2 ? 'minor'
    : k === c.NODE_PERFORMANCE_GC_INCREMENTAL ? 'incremental'
    : k === c.NODE_PERFORMANCE_GC_WEAKCB ? 'weak-callbacks' : 'unknown';
  const state = { entries: [], dropped: 0, lastDrainMs: Date.now(), clock: perfHooks.performance, stop: null };
  const observer = new perfHooks.PerformanceObserver((list) => {
    if (Date.now() - state.lastDrainMs > idleMs) { state.stop(); return; }
    const found = list.getEntries();
    let lastMajor = null;
    for (const entry of found) {
      const kind = kindOf(entry.detail ? entry.detail.kind : entry.kind);
      const row = [state.clock.timeOrigin + entry.startTime, kind, entry.duration, null];
      if (kind === 'major') lastMajor = row;
      if (state.entries.length >= capacity) { state.entries.shift(); state.dropped++; }
      state.entries.push(row);
    }
    if (lastMajor) lastMajor[3] = v8.getHeapStatistics().used_heap_size;
  });
  state.stop = () => {
    observer.disconnect();
    state.entries = [];
    if (registry.get(id) === state) registry.delete(id);
    if (registry.size === 0 && globalThis[key] === registry) delete globalThis[key];
  };
  observer.observe({ entryTypes: ['gc'] });
  registry.set(id, state);
  return true;
})()`;
}

/** Takes the buffered entries and empties the buffer in one step. */
export function drainGcObserverExpression(probeId: string): string {
  return `(() => {
  const state = ${observers}?.get(${JSON.stringify(probeId)});
  if (!state) return null;
  state.lastDrainMs = Date.now();
  const drained = { entries: state.entries, dropped: state.dropped, nowMs: state.clock.timeOrigin + state.clock.now() };
  state.entries = [];
  state.dropped = 0;
  return drained;
})()`;
}

/** Disconnects the observer and deletes its buffer (and the global Map once empty). */
export function removeGcObserverExpression(probeId: string): string {
  return `${observers}?.get(${JSON.stringify(probeId)})?.stop(), true`;
}

export function toProbeGcEvent([timestampMs, kind, durationMs, heapUsedAfterBytes]: RawGcEntry): ProbeGcEvent {
  return {
    timestampMs,
    kind,
    durationMs,
    forced: false,
    ...(heapUsedAfterBytes === null ? {} : { heapUsedAfterBytes }),
  };
}
