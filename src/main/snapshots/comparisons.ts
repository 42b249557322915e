import { randomBytes } from 'node:crypto';
import type { ApiMethods } from '../../shared/contract/api';
import { HeapdeckError } from '../../shared/contract/errors';
import type { ClassDiffRow, ComparisonInfo, RetainerCluster } from '../../shared/model/comparisons';
import type { ObjectRow, Page } from '../../shared/model/heapSnapshots';
import { exportBuffers } from '../worker/compare/objectExport';
import type { OpenSnapshots } from './openSnapshots';

type Params<M extends keyof ApiMethods> = ApiMethods[M]['params'];

interface Pair {
  baseSnapshotId: string;
  targetSnapshotId: string;
}

const DEFAULT_CLUSTERS = 20;

/**
 * Comparisons between open snapshots. Each is computed and kept by the target snapshot's worker,
 * from an export of the base's objects that main passes along (the graphs stay in their
 * workers); closing either snapshot drops it.
 */
export class SnapshotComparisons {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly snapshots: OpenSnapshots) {
    snapshots.onClosed((snapshotId) => this.forget(snapshotId));
  }

  /** Compares two open snapshots: by V8 id when the ids allow it, else by class totals (see ComparisonInfo). */
  async compare({ baseSnapshotId, targetSnapshotId }: Params<'compareSnapshots'>): Promise<ComparisonInfo> {
    if (baseSnapshotId === targetSnapshotId) throw new HeapdeckError('INVALID_ARGUMENT', 'Choose two different snapshots to compare.');
    const base = await this.snapshots.call(baseSnapshotId, 'exportObjects', {});
    const comparisonId = `c-${randomBytes(4).toString('hex')}`;
    const totals = await this.snapshots.call(targetSnapshotId, 'compare', { comparisonId, base }, exportBuffers(base));
    // A snapshot closed while the comparison was computed: its drop has already run.
    const closed = [baseSnapshotId, targetSnapshotId].find((snapshotId) => this.snapshots.pathOf(snapshotId) === undefined);
    if (closed) {
      await this.snapshots.call(targetSnapshotId, 'dropComparison', { comparisonId }).catch(() => undefined);
      throw new HeapdeckError('NOT_FOUND', `Snapshot ${closed} was closed during the comparison.`);
    }
    this.pairs.set(comparisonId, { baseSnapshotId, targetSnapshotId });
    return { comparisonId, baseSnapshotId, targetSnapshotId, ...totals };
  }

  classes({ comparisonId, ...request }: Params<'getComparisonClasses'>): Promise<Page<ClassDiffRow>> {
    return this.snapshots.call(this.pair(comparisonId).targetSnapshotId, 'comparisonClasses', { comparisonId, ...request });
  }

  /** A page of a class's new objects (rows of the target) or deleted ones (rows of the base), biggest retained first. */
  async objects({ comparisonId, ...request }: Params<'getComparisonObjects'>): Promise<Page<ObjectRow>> {
    const { baseSnapshotId, targetSnapshotId } = this.pair(comparisonId);
    const ordinals = await this.snapshots.call(targetSnapshotId, 'comparisonObjects', { comparisonId, ...request });
    const owner = request.change === 'deleted' ? baseSnapshotId : targetSnapshotId;
    const items = await this.snapshots.call(owner, 'objectRows', { ordinals: ordinals.items });
    return { ...ordinals, items };
  }

  allocatedClusters({ comparisonId, limit }: Params<'getAllocatedClusters'>): Promise<RetainerCluster[]> {
    return this.snapshots.call(this.pair(comparisonId).targetSnapshotId, 'allocatedClusters', { comparisonId, limit: limit ?? DEFAULT_CLUSTERS });
  }

  private pair(comparisonId: string): Pair {
    const pair = this.pairs.get(comparisonId);
    if (!pair) throw new HeapdeckError('NOT_FOUND', `There is no comparison ${comparisonId}: one of its snapshots was closed, or it was never made.`);
    return pair;
  }

  private forget(snapshotId: string): void {
    for (const [comparisonId, { baseSnapshotId, targetSnapshotId }] of this.pairs) {
      if (baseSnapshotId !== snapshotId && targetSnapshotId !== snapshotId) continue;
      this.pairs.delete(comparisonId);
      if (targetSnapshotId !== snapshotId) void this.snapshots.call(targetSnapshotId, 'dropComparison', { comparisonId }).catch(() => undefined);
    }
  }
}
