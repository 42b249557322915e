import { HeapdeckError } from '../../../shared/contract/errors';
import { formatBytes } from '../../../shared/format/bytes';
import { truncateText } from '../../../shared/format/truncateText';
import { MIN_TREND_SNAPSHOTS } from '../../snapshots/trends';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { openSnapshotFiles } from '../openSnapshotFiles';

/** Classes and retaining paths across a series of snapshot files, oldest first; unreadable files are skipped. */
export async function trendCommand(context: CliContext, options: { paths: string[]; top: number; json: boolean }): Promise<number> {
  const opened = await openSnapshotFiles(context, options.paths);
  try {
    if (opened.snapshots.length < MIN_TREND_SNAPSHOTS) {
      throw new HeapdeckError('INVALID_ARGUMENT', `A trend needs ${MIN_TREND_SNAPSHOTS} readable snapshots; only ${opened.snapshots.length} opened.`);
    }
    const trend = await context.api.call('getTrend', { snapshotIds: opened.snapshots.map((snapshot) => snapshot.snapshotId) });
    if (options.json) {
      const snapshots = opened.snapshots.map(({ snapshotId, path }) => ({ snapshotId, path }));
      context.out(JSON.stringify({ snapshots, skipped: opened.skipped, trend }, null, 2));
      return EXIT.ok;
    }
    opened.snapshots.forEach((snapshot, k) => context.out(`  ${k + 1}. ${snapshot.path} (${formatBytes(trend.totalBytes[k]!)})`));
    for (const warning of trend.warnings) context.out(`Warning: ${warning}`);
    const grown = trend.classes.filter((row) => row.grewOverall).slice(0, options.top);
    context.out('');
    context.out(grown.length ? `Classes that grew (${grown.length}), most retained growth first:` : 'No class grew beyond noise.');
    for (const row of grown) {
      const flag = row.grewEveryTime ? 'every time' : 'overall';
      context.out(`  ${truncateText(row.name, 36).padEnd(36)} ${flag.padEnd(10)} count ${row.counts.join(' → ')}`);
      context.out(`  ${''.padEnd(36)} ${''.padEnd(10)} retained ${row.retainedBytes.map((bytes) => formatBytes(bytes)).join(' → ')}`);
    }
    const paths = trend.paths.filter((row) => row.grewEveryTime).slice(0, options.top);
    if (paths.length) {
      context.out('');
      context.out('Retaining paths holding more objects every time:');
      for (const row of paths) context.out(`  ${row.counts.join(' → ')}  ${row.pattern}`);
    }
    return EXIT.ok;
  } finally {
    await opened.closeAll();
  }
}
