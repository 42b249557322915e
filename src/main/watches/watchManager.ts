import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HeapdeckError, toErrorDto } from '../../shared/contract/errors';
import { SAMPLE_INTERVAL_MS, type AlertSettings, type GcEvent, type MemorySample } from '../../shared/model/metrics';
import type { SnapshotFileInfo, SnapshotOptions } from '../../shared/model/snapshots';
import type { AttachRequest, WorkerTarget } from '../../shared/model/targets';
import type { WatchInfo } from '../../shared/model/watches';
import type { EventHub } from '../rpc/eventHub';
import { createAlertEngine } from '../sampling/alertEngine';
import { createProbe } from '../sampling/probeFor';
import { sessionSnapshotsDir } from '../sessions/sessionPaths';
import { createSessionRecorder } from '../sessions/sessionRecorder';
import { watchWorkers, type WorkerRegistry } from '../targets/nodeWorkers';
import { resolveTarget } from '../targets/resolveTarget';
import type { OpenSnapshots } from '../snapshots/openSnapshots';
import { checkSnapshotPath } from '../snapshots/snapshotPaths';
import { Watch } from './watch';

export interface WatchManagerOptions {
  /** Heapdeck's data folder; sessions are recorded under `<root>/sessions`. */
  root: string;
  events: EventHub;
  alertSettings: () => AlertSettings;
  /** Where a capture with `analyze` is opened while it streams. */
  snapshots: OpenSnapshots;
}

/** All watches of this run: attach, sample, force GC, workers, detach. */
export class WatchManager {
  private readonly watches = new Map<string, Watch>();
  private readonly workerRegistries = new Map<string, WorkerRegistry>();
  private readonly captures = new Map<string, AbortController>();

  constructor(private readonly options: WatchManagerOptions) {}

  /** Attaches, installs the probe, opens the session and starts sampling. */
  async attach(request: AttachRequest, intervalMs: number = SAMPLE_INTERVAL_MS.default): Promise<WatchInfo> {
    checkInterval(intervalMs);
    const target = await resolveTarget(request, {
      parentOf: (watchId) => {
        const parent = this.liveWatch(watchId);
        return { descriptor: parent.info.target, workers: this.workersOf(parent) };
      },
    });
    const watchId = `w-${randomBytes(4).toString('hex')}`;
    try {
      const probe = await createProbe(target.descriptor.kind, target.session);
      const startedAtMs = Date.now();
      const recorder = await createSessionRecorder(this.options.root, target.descriptor, startedAtMs);
      const alerts = createAlertEngine(this.options.alertSettings());
      const info: WatchInfo = {
        watchId,
        sessionId: recorder.sessionId,
        target: target.descriptor,
        attachedBy: request.by,
        startedAtMs,
        intervalMs,
        status: 'watching',
        notes: target.notes,
        ...(target.launched ? { launchedPid: target.launched.pid } : {}),
      };
      const watch = new Watch({ info, target, probe, recorder, alerts, events: this.options.events });
      this.watches.set(watchId, watch);
      this.options.events.emit('watchAdded', info);
      await watch.start();
      return info;
    } catch (error) {
      const started = this.watches.get(watchId);
      if (started) await started.end('detached', 'attaching failed');
      await target.session.close();
      target.launched?.kill();
      throw error;
    }
  }

  async detach(watchId: string): Promise<WatchInfo> {
    const watch = this.watch(watchId);
    this.workerRegistries.get(watchId)?.dispose();
    this.workerRegistries.delete(watchId);
    return watch.end('detached', 'stopped by the user');
  }

  list(): WatchInfo[] {
    return [...this.watches.values()].map((watch) => watch.info);
  }

  info(watchId: string): WatchInfo {
    return this.watch(watchId).info;
  }

  setInterval(watchId: string, intervalMs: number): WatchInfo {
    checkInterval(intervalMs);
    const watch = this.liveWatch(watchId);
    watch.setInterval(intervalMs);
    return watch.info;
  }

  collectGarbage(watchId: string): Promise<{ gc: GcEvent; sample: MemorySample }> {
    return this.liveWatch(watchId).collectGarbage();
  }

  /** Worker threads of a Node watch; the NodeWorker domain is enabled on first use. */
  async listWorkers(watchId: string): Promise<WorkerTarget[]> {
    const watch = this.liveWatch(watchId);
    if (watch.info.target.kind !== 'node') return [];
    const registry = this.workersOf(watch);
    await registry.ready;
    return registry.list();
  }

  private workersOf(watch: Watch): WorkerRegistry {
    let registry = this.workerRegistries.get(watch.info.watchId);
    if (!registry) {
      registry = watchWorkers(watch.session, watch.info.watchId);
      this.workerRegistries.set(watch.info.watchId, registry);
    }
    return registry;
  }

  /** Takes a snapshot into `path`, or by default into the watch's session folder. */
  async takeSnapshot(watchId: string, options: SnapshotOptions = {}, path?: string): Promise<SnapshotFileInfo> {
    const watch = this.liveWatch(watchId);
    const target = path ?? (await defaultSnapshotPath(watch.sessionDir));
    checkSnapshotPath(target);
    const controller = new AbortController();
    this.captures.set(watchId, controller);
    const takenAtMs = Date.now();
    const analysis = options.analyze ? this.options.snapshots.openStreamed(target) : undefined;
    try {
      const { sizeBytes, durationMs } = await watch.takeSnapshot(
        target,
        options,
        controller.signal,
        (progress) => this.options.events.emit('snapshotProgress', progress),
        analysis?.write,
      );
      const file: SnapshotFileInfo = { path: target, sizeBytes, takenAtMs, durationMs, watchId, sessionId: watch.info.sessionId, target: watch.info.target };
      if (!analysis) return file;
      analysis.end();
      return await analysis.opened.then(
        (snapshot) => ({ ...file, snapshot }),
        (error: unknown) => ({ ...file, analysisError: toErrorDto(error) }),
      );
    } catch (error) {
      await analysis?.abort();
      throw error;
    } finally {
      this.captures.delete(watchId);
    }
  }

  cancelSnapshot(watchId: string): { cancelled: boolean } {
    const capture = this.captures.get(watchId);
    capture?.abort();
    return { cancelled: capture !== undefined };
  }

  updateAlertSettings(settings: AlertSettings): void {
    for (const watch of this.watches.values()) if (watch.live) watch.applyAlertSettings(settings);
  }

  /** Ends every live watch; scripts Heapdeck launched are stopped. */
  async shutdown(): Promise<void> {
    for (const registry of this.workerRegistries.values()) registry.dispose();
    // end() hands back a watch's ending already under way, so this also waits for watches that
    // are still closing because their target just went away.
    await Promise.all([...this.watches.values()].map((watch) => watch.end('detached', 'Heapdeck closed')));
  }

  private watch(watchId: string): Watch {
    const watch = this.watches.get(watchId);
    if (!watch) throw new HeapdeckError('NOT_FOUND', `There is no watch "${watchId}".`);
    return watch;
  }

  private liveWatch(watchId: string): Watch {
    const watch = this.watch(watchId);
    if (!watch.live) {
      throw new HeapdeckError('TARGET_DETACHED', `The watch of ${watch.info.target.title} has ended (${watch.info.endReason}).`);
    }
    return watch;
  }
}

async function defaultSnapshotPath(sessionDir: string): Promise<string> {
  const folder = sessionSnapshotsDir(sessionDir);
  await mkdir(folder, { recursive: true });
  return join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}.heapsnapshot`);
}

function checkInterval(intervalMs: number): void {
  const { min, max } = SAMPLE_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < min || intervalMs > max) {
    throw new HeapdeckError('INVALID_ARGUMENT', `The sample interval must be between ${min} ms and ${max / 1000} s.`);
  }
}
