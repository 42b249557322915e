import { HeapdeckError } from '../../../shared/contract/errors';
import { formatBytes } from '../../../shared/format/bytes';
import { truncateText } from '../../../shared/format/truncateText';
import type { CliContext } from '../cliContext';
import { printClusters } from '../clusterLines';
import { EXIT } from '../exitCodes';
import { openSnapshotFiles } from '../openSnapshotFiles';

const CLUSTERS = 10;

/** Compares two snapshot files (older first): classes by retained growth and what was allocated in between. */
export async function diffCommand(context: CliContext, options: { basePath: string; targetPath: string; top: number; json: boolean }): Promise<number> {
  const { api } = context;
  const opened = await openSnapshotFiles(context, [options.basePath, options.targetPath]);
  try {
    if (opened.snapshots.length !== 2) throw new HeapdeckError('NOT_FOUND', `"heapdeck diff" needs both files; ${opened.skipped[0]!.path} could not be opened.`);
    const [base, target] = opened.snapshots as [(typeof opened.snapshots)[0], (typeof opened.snapshots)[0]];
    const comparison = await api.call('compareSnapshots', { baseSnapshotId: base.snapshotId, targetSnapshotId: target.snapshotId });
    const { comparisonId } = comparison;
    const classes = await api.call('getComparisonClasses', { comparisonId, limit: options.top });
    const allocated = comparison.matchedById ? await api.call('getAllocatedClusters', { comparisonId, limit: CLUSTERS }) : [];
    if (options.json) {
      context.out(JSON.stringify({ base: base.path, target: target.path, comparison, classes: classes.items, allocated }, null, 2));
      return EXIT.ok;
    }
    context.out(`${base.path} → ${target.path}`);
    context.out(`  heap ${formatBytes(comparison.baseTotalBytes)} → ${formatBytes(comparison.targetTotalBytes)}`);
    if (comparison.warning) context.out(`  Warning: ${comparison.warning}`);
    else {
      context.out(
        `  matched by object id: ${comparison.newCount} new objects (${formatBytes(comparison.newShallowBytes)}), ` +
          `${comparison.deletedCount} deleted (${formatBytes(comparison.deletedShallowBytes)})`,
      );
    }
    context.out('');
    context.out(`Top ${classes.items.length} of ${classes.total} changed classes by retained growth:`);
    context.out(`  ${'class'.padEnd(36)} ${'count'.padStart(15)} ${'new'.padStart(7)} ${'deleted'.padStart(7)} ${'Δ shallow'.padStart(10)} ${'Δ retained'.padStart(10)}`);
    for (const row of classes.items) {
      context.out(
        `  ${truncateText(row.name, 36).padEnd(36)} ${`${row.baseCount} → ${row.targetCount}`.padStart(15)} ${String(row.newCount).padStart(7)} ` +
          `${String(row.deletedCount).padStart(7)} ${signedBytes(row.deltaShallowBytes).padStart(10)} ${signedBytes(row.deltaRetainedBytes).padStart(10)}`,
      );
    }
    if (allocated.length) {
      context.out('');
      context.out('Allocated in between and still alive, by retaining path:');
      printClusters(context, allocated);
    }
    return EXIT.ok;
  } finally {
    await opened.closeAll();
  }
}

function signedBytes(bytes: number): string {
  return bytes < 0 ? `-${formatBytes(-bytes)}` : `+${formatBytes(bytes)}`;
}
