import { HeapdeckError } from '../shared/contract/errors';
import type { Door } from '../shared/contract/door';
import type { TargetsListing } from '../shared/model/targets';
import { listEndpoint } from './cdp/endpoints';
import { createApiClient } from '../shared/contract/client';
import { checkBudgets } from './findings/budgetCheck';
import { BudgetStore } from './findings/budgetStore';
import { findFindings } from './findings/snapshotFindingsService';
import { createDispatcher, type Handlers } from './rpc/dispatcher';
import { EventHub } from './rpc/eventHub';
import { createSessionStore } from './sessions/sessionStore';
import { SnapshotComparisons } from './snapshots/comparisons';
import { findLeaks } from './snapshots/leaks';
import { OpenSnapshots } from './snapshots/openSnapshots';
import { snapshotTrend } from './snapshots/trends';
import { SnapshotLibrary } from './snapshots/snapshotLibrary';
import { AlertSettingsStore } from './settings/alertSettingsStore';
import { listNodeProcesses } from './targets/nodeProcesses';
import { exportReport } from './reports/exportReport';
import { WatchManager } from './watches/watchManager';

/** Endpoints every Targets listing includes: Node's and Chrome's usual debugging ports. */
export const DEFAULT_ENDPOINTS = ['127.0.0.1:9229', '127.0.0.1:9222'];

const RECENT_POINTS_DEFAULT = 600;

export interface Services {
  /** The one dispatcher; every door feeds it. */
  door: Door;
  events: EventHub;
  watches: WatchManager;
  /** Ends every watch and closes their sessions; call before the process exits. */
  shutdown(): Promise<void>;
}

export interface ServicesOptions {
  /** The built snapshot worker (out/main/snapshotWorker.js); each entry knows where it is. */
  snapshotWorkerPath: string;
  /** Shows a file in the system file manager; only the desktop shell can. */
  revealFile?(path: string): Promise<boolean>;
  /** The system's open-file dialog for snapshots; only the desktop shell has one. */
  chooseSnapshotFile?(): Promise<string | undefined>;
}

/** Builds Heapdeck's services over a data folder; plain Node, no Electron. */
export async function createServices(root: string, options: ServicesOptions): Promise<Services> {
  const events = new EventHub();
  const snapshots = new OpenSnapshots(options.snapshotWorkerPath, events);
  const comparisons = new SnapshotComparisons(snapshots);
  const settings = await AlertSettingsStore.open(root);
  const budgets = await BudgetStore.open(root);
  const sessions = createSessionStore(root);
  const watches = new WatchManager({ root, events, alertSettings: () => settings.get(), snapshots });
  const library = new SnapshotLibrary({ root, events, openSnapshots: snapshots, revealFile: options.revealFile });

  const handlers: Handlers = {
    listTargets: async ({ endpoints }) => listTargets(endpoints ?? []),
    attach: ({ request, intervalMs }) => watches.attach(request, intervalMs),
    detach: ({ watchId }) => watches.detach(watchId),
    listWatches: async () => watches.list(),
    setSampleInterval: async ({ watchId, intervalMs }) => watches.setInterval(watchId, intervalMs),
    listWorkers: ({ watchId }) => watches.listWorkers(watchId),
    collectGarbage: ({ watchId }) => watches.collectGarbage(watchId),
    getRecentSamples: ({ watchId, maxPoints }) =>
      sessions.readSeries(watches.info(watchId).sessionId, { maxPoints: maxPoints ?? RECENT_POINTS_DEFAULT }),
    getAlertSettings: async () => settings.get(),
    setAlertSettings: async ({ settings: changes }) => {
      const next = await settings.update(changes ?? {});
      watches.updateAlertSettings(next);
      return next;
    },
    listSessions: () => sessions.list(),
    getSessionSeries: ({ sessionId, fromMs, toMs, maxPoints }) => sessions.readSeries(sessionId, { fromMs, toMs, maxPoints }),
    deleteSession: async ({ sessionId }) => {
      if (watches.list().some((watch) => watch.sessionId === sessionId && watch.status === 'watching')) {
        throw new HeapdeckError('INVALID_ARGUMENT', 'This session is still recording; detach first.');
      }
      await sessions.delete(sessionId);
      return { deleted: true };
    },
    takeSnapshot: async ({ watchId, options, path }) => {
      const file = await watches.takeSnapshot(watchId, options, path);
      await library.recordCapture(file);
      return file;
    },
    cancelSnapshot: async ({ watchId }) => watches.cancelSnapshot(watchId),
    openSnapshot: async ({ path, cache }) => {
      const snapshot = await snapshots.open(path, { cache });
      await library.recordOpened(snapshot);
      return snapshot;
    },
    closeSnapshot: ({ snapshotId }) => snapshots.close(snapshotId),
    listSnapshots: () => library.list(),
    importSnapshot: ({ path }) => library.import(path),
    renameSnapshot: ({ path, name }) => library.rename(path, name),
    deleteSnapshot: async ({ path, deleteFile }) => {
      await library.delete(path, deleteFile === true);
      events.emit('snapshotRemoved', { path });
      return { deleted: true };
    },
    exportSnapshot: ({ path, destination }) => library.export(path, destination),
    revealSnapshot: ({ path }) => library.reveal(path),
    chooseSnapshotFile: async () => {
      if (!options.chooseSnapshotFile) return { available: false };
      const path = await options.chooseSnapshotFile();
      return path ? { available: true, path } : { available: true };
    },
    getSnapshotClasses: ({ snapshotId, ...page }) => snapshots.call(snapshotId, 'classes', page),
    getTopRetainers: ({ snapshotId, limit }) => snapshots.call(snapshotId, 'topRetainers', { limit: limit ?? 20 }),
    getSnapshotObject: ({ snapshotId, ...which }) => snapshots.call(snapshotId, 'object', which),
    getObjectEdges: ({ snapshotId, ...page }) => snapshots.call(snapshotId, 'edges', page),
    getObjectRetainers: ({ snapshotId, ...request }) => snapshots.call(snapshotId, 'retainers', request),
    getDominatorPath: ({ snapshotId, ordinal }) => snapshots.call(snapshotId, 'dominatorPath', { ordinal }),
    compareSnapshots: (request) => comparisons.compare(request),
    getComparisonClasses: (request) => comparisons.classes(request),
    getComparisonObjects: (request) => comparisons.objects(request),
    getAllocatedClusters: (request) => comparisons.allocatedClusters(request),
    findLeaks: (request) => findLeaks(snapshots, request),
    getTrend: ({ snapshotIds }) => snapshotTrend(snapshots, snapshotIds),
    getFindings: ({ snapshotIds }) =>
      findFindings({ snapshots, library, sessions, nearLimitShare: () => settings.get().warningShare }, snapshotIds),
    getBudgets: async () => budgets.get(),
    setBudgets: ({ budgets: next }) => budgets.set(next),
    checkBudgets: ({ snapshotIds, budgets: given }) => checkBudgets(snapshots, snapshotIds, given ?? budgets.get()),
    // The report is built through this very door, so its numbers are the API's.
    exportReport: (request) => exportReport(createApiClient(door), request, budgets.get(), (path) => snapshots.openedOf(path)),
    getClassInstances: ({ snapshotId, ...request }) => snapshots.call(snapshotId, 'classInstances', request),
    getObjectDetails: ({ snapshotId, ordinal }) => snapshots.call(snapshotId, 'details', { ordinal }),
    getDominatorChildren: ({ snapshotId, ...page }) => snapshots.call(snapshotId, 'dominatorChildren', page),
  };
  const door = createDispatcher(handlers, events);

  return {
    door,
    events,
    watches,
    shutdown: async () => {
      await Promise.all([watches.shutdown(), snapshots.closeAll()]);
    },
  };
}

async function listTargets(extraEndpoints: string[]): Promise<TargetsListing> {
  const endpoints = [...new Set([...DEFAULT_ENDPOINTS, ...extraEndpoints])];
  const [processes, listings] = await Promise.all([
    listNodeProcesses().then(
      (found) => ({ found }),
      (error: Error) => ({ found: [], error: error.message }),
    ),
    Promise.all(endpoints.map((endpoint) => listEndpoint(endpoint))),
  ]);
  return {
    processes: processes.found,
    ...('error' in processes ? { processesError: processes.error } : {}),
    endpoints: listings,
    listedAtMs: Date.now(),
  };
}
