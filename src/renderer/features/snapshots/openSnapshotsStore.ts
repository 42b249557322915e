import type { ApiClient } from '../../../shared/contract/client';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { OpenedSnapshotInfo, SnapshotLoadProgressEvent } from '../../../shared/model/heapSnapshots';

export type OpenSnapshotState =
  | { path: string; status: 'opening'; progress?: SnapshotLoadProgressEvent }
  | { path: string; status: 'open'; info: OpenedSnapshotInfo }
  | { path: string; status: 'failed'; error: ErrorDto };

/**
 * The snapshots open in this window, by path: opening (with the worker's progress), open, or
 * failed (kept, so the error shows in place of the explorer until the user closes it).
 */
export class OpenSnapshotsStore {
  private readonly states = new Map<string, OpenSnapshotState>();
  private readonly listeners = new Set<() => void>();
  private snapshotList: OpenSnapshotState[] = [];

  constructor(private readonly client: ApiClient) {
    client.on('snapshotLoadProgress', (progress) => {
      const state = this.states.get(progress.path);
      if (state?.status === 'opening') this.set({ ...state, progress });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Oldest first; a new array only when something changed (for useSyncExternalStore). */
  list = (): OpenSnapshotState[] => this.snapshotList;

  get(path: string): OpenSnapshotState | undefined {
    return this.states.get(path);
  }

  /** Opens a file in a worker, unless it is already open or opening. */
  async open(path: string): Promise<void> {
    const existing = this.states.get(path);
    if (existing && existing.status !== 'failed') return;
    this.set({ path, status: 'opening' });
    try {
      const info = await this.client.call('openSnapshot', { path });
      if (this.states.has(path)) this.set({ path, status: 'open', info });
      else await this.client.call('closeSnapshot', { snapshotId: info.snapshotId });
    } catch (error) {
      // Closed while opening: the CANCELLED that follows is expected, not an error to show.
      if (this.states.has(path)) this.set({ path, status: 'failed', error: toErrorDto(error) });
    }
  }

  /** A snapshot analysed elsewhere (a capture with analyze) joins the open ones. */
  adopt(info: OpenedSnapshotInfo): void {
    this.set({ path: info.path, status: 'open', info });
  }

  async close(path: string): Promise<void> {
    const state = this.states.get(path);
    if (!state) return;
    this.states.delete(path);
    this.changed();
    if (state.status === 'open') await this.client.call('closeSnapshot', { snapshotId: state.info.snapshotId }).catch(() => undefined);
  }

  private set(state: OpenSnapshotState): void {
    this.states.set(state.path, state);
    this.changed();
  }

  private changed(): void {
    this.snapshotList = [...this.states.values()];
    for (const listener of this.listeners) listener();
  }
}
