import { setTimeout as delay } from 'node:timers/promises';
import type { Alert, AlertSettings, GcEvent, MemorySample } from '../../shared/model/metrics';
import { HeapdeckError } from '../../shared/contract/errors';
import type { SnapshotOptions, SnapshotProgress } from '../../shared/model/snapshots';
import type { WatchInfo, WatchStatus } from '../../shared/model/watches';
import type { EventHub } from '../rpc/eventHub';
import type { AlertEngine } from '../sampling/alertEngine';
import type { MemoryProbe, ProbeGcEvent } from '../sampling/memoryProbe';
import type { SessionRecorder } from '../sessions/sessionRecorder';
import { captureSnapshot } from '../snapshots/snapshotCapture';
import type { ConnectedTarget } from '../targets/connectedTarget';
import { isProcessAlive } from '../os/processAlive';
import { watchExitSignals } from './exitSignals';

/** How long a local process may take to leave the process table after its socket closed. */
const EXIT_GRACE_MS = 1000;
/** Consecutive failed samples after which a silent target counts as lost. */
const MAX_FAILED_SAMPLES = 3;

export interface WatchParts {
  info: WatchInfo;
  target: ConnectedTarget;
  probe: MemoryProbe;
  recorder: SessionRecorder;
  alerts: AlertEngine;
  events: EventHub;
}

/**
 * One attached target: samples it on a timer, records every sample, GC and alert to its
 * session before any client sees it, and ends cleanly however the target goes away.
 */
export class Watch {
  readonly info: WatchInfo;
  private readonly parts: WatchParts;
  private timer: NodeJS.Timeout | undefined;
  private failedSamples = 0;
  private stopExitSignals: () => void = () => undefined;
  private ending: Promise<WatchInfo> | undefined;
  /** While V8 writes a snapshot it answers nothing else, so sampling pauses. */
  private capturing = false;

  constructor(parts: WatchParts) {
    this.parts = parts;
    this.info = parts.info;
  }

  get session() {
    return this.parts.target.session;
  }

  get live(): boolean {
    return this.info.status === 'watching';
  }

  async start(): Promise<void> {
    const { target } = this.parts;
    target.session.onDisconnect(() => void this.onDisconnect());
    target.launched?.onOutput((stream, text) => void this.recordLog(stream, text));
    this.stopExitSignals = await watchExitSignals(target.session, this.info.target.kind, (reason) => {
      void this.end('target-exited', reason);
    });
    await target.resume();
    await this.tick();
  }

  setInterval(intervalMs: number): void {
    this.info.intervalMs = intervalMs;
    if (this.timer) {
      clearTimeout(this.timer);
      this.schedule(intervalMs);
    }
  }

  applyAlertSettings(settings: AlertSettings): void {
    this.parts.alerts.updateSettings(settings);
  }

  /** Forces a full GC and takes a fresh sample, so the drop shows at once. */
  async collectGarbage(): Promise<{ gc: GcEvent; sample: MemorySample }> {
    const gc = await this.recordGc(await this.parts.probe.collectGarbage());
    const sample = await this.recordSample();
    return { gc, sample };
  }

  /** Streams a heap snapshot of the target to `path`; one capture at a time per watch. */
  async takeSnapshot(
    path: string,
    options: SnapshotOptions,
    signal: AbortSignal,
    onProgress: (progress: SnapshotProgress) => void,
    onChunk?: (chunk: string) => void,
  ): Promise<{ sizeBytes: number; durationMs: number }> {
    if (this.capturing) throw new HeapdeckError('INVALID_ARGUMENT', 'A snapshot of this target is already being taken.');
    this.capturing = true;
    try {
      return await captureSnapshot({
        session: this.parts.target.session,
        path,
        options,
        signal,
        onProgress: (progress) => onProgress({ ...progress, watchId: this.info.watchId }),
        onChunk,
      });
    } finally {
      this.capturing = false;
    }
  }

  /** The session folder, where snapshots of this watch are kept by default. */
  get sessionDir(): string {
    return this.parts.recorder.dir;
  }

  /** Ends the watch once; later calls get the same outcome. */
  end(status: Exclude<WatchStatus, 'watching'>, reason: string): Promise<WatchInfo> {
    this.ending ??= this.finish(status, reason);
    return this.ending;
  }

  private async finish(status: Exclude<WatchStatus, 'watching'>, reason: string): Promise<WatchInfo> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.info.status = status;
    this.info.endReason = reason;
    this.stopExitSignals();
    const { target, probe, recorder, events } = this.parts;
    if (!target.session.closed) {
      await probe.dispose().catch(() => undefined);
      await target.session.close();
    }
    // A script Heapdeck launched is Heapdeck's to stop; anything else keeps running.
    if (status === 'detached') target.launched?.kill();
    // Every sample is already on disk; if the closing summary cannot be written (disk full, the
    // folder removed), the session reads back as "interrupted" and the watch still ends.
    await recorder.close(status, reason).catch(() => undefined);
    events.emit('watchStatus', { watchId: this.info.watchId, status, reason });
    return this.info;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), Math.max(0, delayMs));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const startedAt = Date.now();
    if (this.capturing) {
      this.schedule(this.info.intervalMs);
      return;
    }
    try {
      const gcEvents = await this.parts.probe.drainGcEvents();
      for (const gc of gcEvents) await this.recordGc(gc);
      await this.recordSample();
      this.failedSamples = 0;
    } catch (error) {
      if (!this.live || this.parts.target.session.closed) return;
      this.failedSamples += 1;
      if (this.failedSamples >= MAX_FAILED_SAMPLES) {
        const message = error instanceof Error ? error.message : String(error);
        await this.end('connection-lost', `the target stopped answering (${message})`);
        return;
      }
    }
    // Fixed-rate, so the timeline's spacing does not drift by the sample's own duration.
    if (this.live) this.schedule(this.info.intervalMs - (Date.now() - startedAt));
  }

  private async recordSample(): Promise<MemorySample> {
    const sample: MemorySample = { watchId: this.info.watchId, ...(await this.parts.probe.sample()) };
    if (!this.live) return sample;
    await this.parts.recorder.appendSample(sample);
    this.parts.events.emit('sample', sample);
    await this.raise(this.parts.alerts.onSample(sample));
    return sample;
  }

  private async recordGc(event: ProbeGcEvent): Promise<GcEvent> {
    const gc: GcEvent = { watchId: this.info.watchId, ...event };
    if (!this.live) return gc;
    await this.parts.recorder.appendGc(gc);
    this.parts.events.emit('gc', gc);
    await this.raise(this.parts.alerts.onGc(gc));
    return gc;
  }

  private async raise(alerts: Omit<Alert, 'watchId'>[]): Promise<void> {
    for (const raised of alerts) {
      const alert: Alert = { ...raised, watchId: this.info.watchId };
      await this.parts.recorder.appendAlert(alert);
      this.parts.events.emit('alert', alert);
    }
  }

  private async recordLog(stream: 'stdout' | 'stderr', text: string): Promise<void> {
    const line = { watchId: this.info.watchId, timestampMs: Date.now(), stream, text };
    await this.parts.recorder.appendLog(line);
    this.parts.events.emit('log', line);
  }

  private async onDisconnect(): Promise<void> {
    if (!this.live) return;
    await this.end(...(await this.explainDisconnect()));
  }

  /** Tells a target that died from a connection that merely dropped. */
  private async explainDisconnect(): Promise<[Exclude<WatchStatus, 'watching'>, string]> {
    const { launched } = this.parts.target;
    if (launched) {
      const exit = await Promise.race([launched.exited, delay(2000).then(() => undefined)]);
      if (exit) return ['target-exited', `the script exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`})`];
    }
    const pid = this.info.target.pid;
    const local = this.info.attachedBy === 'pid' || this.info.attachedBy === 'launch';
    if (local && pid !== undefined && (await diesWithin(pid, EXIT_GRACE_MS))) return ['target-exited', `process ${pid} ended`];
    if (this.info.target.kind === 'node-worker') return ['target-exited', 'the worker thread exited'];
    return ['connection-lost', 'the inspector connection closed'];
  }
}

/**
 * A dying process closes its sockets before it is gone from the process table, so the
 * disconnect can arrive while it still looks alive; give it a moment before calling the
 * connection lost.
 */
async function diesWithin(pid: number, graceMs: number): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(50);
  }
  return true;
}
