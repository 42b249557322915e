import type { ApiClient } from '../../../shared/contract/client';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { Alert, GcEvent, LogLine, MemorySample } from '../../../shared/model/metrics';
import type { WatchInfo } from '../../../shared/model/watches';
import { alertKey, gcKey, mergeByTime, sampleKey } from './mergeByTime';
import { RingBuffer } from './ringBuffer';

/** How much of each stream a live watch keeps in memory. */
export const LIVE_LIMITS = { samples: 3600, gcEvents: 1000, alerts: 200, logs: 1000, historyPoints: 600 } as const;

/** One watch as the views see it: an immutable snapshot, replaced whenever anything changes. */
export interface WatchLive {
  info: WatchInfo;
  samples: readonly MemorySample[];
  gcEvents: readonly GcEvent[];
  /** GCs seen in all, including those dropped from `gcEvents` to bound memory. */
  gcTotal: number;
  alerts: readonly Alert[];
  logs: readonly LogLine[];
  loadingHistory: boolean;
  historyError?: ErrorDto;
}

export interface LiveState {
  watches: readonly WatchLive[];
  /** False until the first `listWatches` answered. */
  listed: boolean;
  listError?: ErrorDto;
}

export interface LiveStore {
  getState(): LiveState;
  subscribe(listener: () => void): () => void;
  /** Starts following events and lists the watches; returns the function that stops it. */
  connect(): () => void;
  /** Learn of a watch, or of its new state, from a call's answer without waiting for events. */
  upsertWatch(info: WatchInfo): void;
  /** Takes an ended watch off the screen (the session stays on disk). */
  hideWatch(watchId: string): void;
  /** After a reconnect: refresh the list and fill the gap in each watch's samples. */
  resync(): void;
}

interface WatchRecord {
  info: WatchInfo;
  samples: RingBuffer<MemorySample>;
  gcEvents: RingBuffer<GcEvent>;
  alerts: RingBuffer<Alert>;
  logs: RingBuffer<LogLine>;
  loadingHistory: boolean;
  historyError?: ErrorDto;
  snapshot: WatchLive | null;
}

// Events come in bursts (a sample, its GCs, log lines); one render per burst is enough.
const FLUSH_DELAY_MS = 50;

/** Everything live, kept outside React so it survives switching views. */
export function createLiveStore(client: ApiClient): LiveStore {
  const records = new Map<string, WatchRecord>();
  const hidden = new Set<string>();
  const listeners = new Set<() => void>();
  let state: LiveState = { watches: [], listed: false };
  let listed = false;
  let listError: ErrorDto | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let listing: Promise<void> | null = null;

  const flush = (): void => {
    flushTimer = undefined;
    const watches = [...records.entries()]
      .filter(([watchId]) => !hidden.has(watchId))
      .map(([, record]) => (record.snapshot ??= snapshotOf(record)));
    state = { watches, listed, listError };
    for (const listener of [...listeners]) listener();
  };

  const changed = (record?: WatchRecord): void => {
    if (record) record.snapshot = null;
    flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
  };

  const loadHistory = async (record: WatchRecord): Promise<void> => {
    const { watchId } = record.info;
    record.loadingHistory = true;
    changed(record);
    try {
      const series = await client.call('getRecentSamples', { watchId, maxPoints: LIVE_LIMITS.historyPoints });
      record.samples.replace(mergeByTime(series.samples, record.samples.toArray(), sampleKey));
      record.gcEvents.replace(mergeByTime(series.gcEvents, record.gcEvents.toArray(), gcKey));
      record.alerts.replace(mergeByTime(series.alerts, record.alerts.toArray(), alertKey));
      record.historyError = undefined;
    } catch (error) {
      record.historyError = toErrorDto(error);
    } finally {
      record.loadingHistory = false;
      changed(record);
    }
  };

  const upsertWatch = (info: WatchInfo): void => {
    const known = records.get(info.watchId);
    if (known) {
      known.info = info;
      changed(known);
      return;
    }
    const record: WatchRecord = {
      info,
      samples: new RingBuffer(LIVE_LIMITS.samples),
      gcEvents: new RingBuffer(LIVE_LIMITS.gcEvents),
      alerts: new RingBuffer(LIVE_LIMITS.alerts),
      logs: new RingBuffer(LIVE_LIMITS.logs),
      loadingHistory: true,
      snapshot: null,
    };
    records.set(info.watchId, record);
    void loadHistory(record);
  };

  const listWatches = (): Promise<void> => {
    listing ??= client
      .call('listWatches', {})
      .then((infos) => {
        for (const info of infos) upsertWatch(info);
        listError = undefined;
      })
      .catch((error: unknown) => {
        listError = toErrorDto(error);
      })
      .finally(() => {
        listed = true;
        listing = null;
        changed();
      });
    return listing;
  };

  /** Routes an event to its watch; an unknown watch means we missed its `watchAdded`. */
  const withRecord = (watchId: string, apply: (record: WatchRecord) => void): void => {
    const record = records.get(watchId);
    if (!record) {
      void listWatches();
      return;
    }
    apply(record);
    changed(record);
  };

  const follow = (): (() => void) => {
    const stops = [
      client.on('sample', (sample) => withRecord(sample.watchId, (r) => r.samples.push(sample))),
      client.on('gc', (gc) => withRecord(gc.watchId, (r) => r.gcEvents.push(gc))),
      client.on('alert', (alert) => withRecord(alert.watchId, (r) => r.alerts.push(alert))),
      client.on('log', (line) => withRecord(line.watchId, (r) => r.logs.push(line))),
      client.on('watchAdded', upsertWatch),
      client.on('watchStatus', ({ watchId, status, reason }) =>
        withRecord(watchId, (r) => {
          r.info = { ...r.info, status, endReason: reason ?? r.info.endReason };
        }),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect() {
      const unfollow = follow();
      void listWatches();
      return () => {
        unfollow();
        clearTimeout(flushTimer);
        flushTimer = undefined;
      };
    },
    upsertWatch,
    hideWatch(watchId) {
      hidden.add(watchId);
      changed();
    },
    resync() {
      void listWatches().then(() => {
        for (const record of records.values()) void loadHistory(record);
      });
    },
  };
}

function snapshotOf(record: WatchRecord): WatchLive {
  return {
    info: record.info,
    samples: record.samples.toArray(),
    gcEvents: record.gcEvents.toArray(),
    gcTotal: record.gcEvents.length + record.gcEvents.droppedCount,
    alerts: record.alerts.toArray(),
    logs: record.logs.toArray(),
    loadingHistory: record.loadingHistory,
    historyError: record.historyError,
  };
}
