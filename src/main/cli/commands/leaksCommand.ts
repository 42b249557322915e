import { HeapdeckError } from '../../../shared/contract/errors';
import type { CliContext } from '../cliContext';
import { printClusters } from '../clusterLines';
import { EXIT } from '../exitCodes';
import { openSnapshotFiles } from '../openSnapshotFiles';

/** MemLab-style leak candidates from three snapshot files of one process: baseline, target, final. */
export async function leaksCommand(context: CliContext, options: { paths: [string, string, string]; json: boolean }): Promise<number> {
  const opened = await openSnapshotFiles(context, options.paths);
  try {
    if (opened.snapshots.length !== 3) throw new HeapdeckError('NOT_FOUND', `"heapdeck leaks" needs all three files; ${opened.skipped[0]!.path} could not be opened.`);
    const [baseline, target, final] = opened.snapshots.map((snapshot) => snapshot.snapshotId) as [string, string, string];
    const report = await context.api.call('findLeaks', { baselineSnapshotId: baseline, targetSnapshotId: target, finalSnapshotId: final });
    if (options.json) {
      context.out(JSON.stringify({ paths: options.paths, report }, null, 2));
      return EXIT.ok;
    }
    context.out(
      `${report.candidateCount} objects were allocated after the baseline and are still alive in the final snapshot; ` +
        `${report.filteredCount} of them are noise or inside another candidate.`,
    );
    if (!report.clusters.length) context.out('No leak candidates.');
    else {
      context.out(`${report.clusters.length} leak candidate${report.clusters.length === 1 ? '' : 's'}, biggest first:`);
      printClusters(context, report.clusters);
    }
    context.out('');
    context.out('Left out:');
    for (const filter of report.filters) context.out(`  - ${filter}`);
    return EXIT.ok;
  } finally {
    await opened.closeAll();
  }
}
