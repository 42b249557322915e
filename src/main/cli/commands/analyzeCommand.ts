import { formatBytes } from '../../../shared/format/bytes';
import { truncateText } from '../../../shared/format/truncateText';
import type { OpenedSnapshotInfo, SnapshotLoadProgressEvent } from '../../../shared/model/heapSnapshots';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

/** Opens a snapshot file and prints its totals, statistics, biggest classes and retainers. */
export async function analyzeCommand(context: CliContext, options: { path: string; top: number; json: boolean }): Promise<number> {
  const { api } = context;
  const stopProgress = api.on('snapshotLoadProgress', (progress) => context.progress(describeLoad(progress)));
  const startedAt = Date.now();
  const snapshot = await api.call('openSnapshot', { path: options.path }).finally(() => {
    stopProgress();
    context.progress('');
  });
  try {
    return await printSnapshotReport(context, snapshot, { ...options, elapsedMs: Date.now() - startedAt });
  } finally {
    await api.call('closeSnapshot', { snapshotId: snapshot.snapshotId });
  }
}

/** Totals, memory by kind, and the classes and objects that retain the most, of an open snapshot. */
export async function printSnapshotReport(
  context: CliContext,
  snapshot: OpenedSnapshotInfo,
  options: { top: number; json: boolean; elapsedMs: number },
): Promise<number> {
  const { api } = context;
  const { snapshotId } = snapshot;
  const elapsedMs = options.elapsedMs;
  const classes = await api.call('getSnapshotClasses', { snapshotId, limit: options.top });
  const topRetainers = await api.call('getTopRetainers', { snapshotId, limit: options.top });
  if (options.json) {
    context.out(JSON.stringify({ snapshot, analysisMs: elapsedMs, classes: classes.items, topRetainers }, null, 2));
    return EXIT.ok;
  }
  const { statistics } = snapshot;
  context.out(`${snapshot.path}`);
  context.out(`  ${snapshot.nodeCount} objects, ${snapshot.edgeCount} references, ${formatBytes(snapshot.totalSizeBytes)} in all; analysed in ${(elapsedMs / 1000).toFixed(1)} s`);
  context.out(
    `  code ${formatBytes(statistics.codeBytes)} · strings ${formatBytes(statistics.stringsBytes)} · JS arrays ${formatBytes(statistics.jsArraysBytes)} · ` +
      `typed arrays ${formatBytes(statistics.typedArraysBytes)} · system ${formatBytes(statistics.systemBytes)} · other ${formatBytes(statistics.otherBytes)}`,
  );
  context.out('');
  context.out(`Top ${classes.items.length} of ${classes.total} classes by retained size:`);
  context.out(`  ${'class'.padEnd(40)} ${'count'.padStart(9)} ${'shallow'.padStart(10)} ${'retained'.padStart(10)} ${'distance'.padStart(8)}`);
  for (const row of classes.items) {
    context.out(
      `  ${truncateText(row.name, 40).padEnd(40)} ${String(row.count).padStart(9)} ${formatBytes(row.shallowSizeBytes).padStart(10)} ` +
        `${formatBytes(row.retainedSizeBytes).padStart(10)} ${String(row.minDistance).padStart(8)}`,
    );
  }
  context.out('');
  context.out(`Top ${topRetainers.length} objects by retained size:`);
  for (const row of topRetainers) {
    context.out(`  @${String(row.id).padEnd(10)} ${truncateText(row.className, 40).padEnd(40)} ${formatBytes(row.retainedSizeBytes).padStart(10)}`);
  }
  return EXIT.ok;
}

function describeLoad(progress: SnapshotLoadProgressEvent): string {
  if (progress.step !== 'reading') return `Analysing: ${progress.step}...`;
  const share = progress.totalBytes ? ` (${Math.round((progress.bytesRead / progress.totalBytes) * 100)} %)` : '';
  return `Reading: ${formatBytes(progress.bytesRead)}${share}`;
}
