import { resolve } from 'node:path';
import { formatBytes } from '../../../shared/format/bytes';
import type { AttachRequest } from '../../../shared/model/targets';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { describeSnapshotProgress } from '../snapshotProgressLine';
import { printSnapshotReport } from './analyzeCommand';

/** Attaches, streams a heap snapshot to `outputPath` with progress on stderr, detaches. */
export async function snapshotCommand(
  context: CliContext,
  request: AttachRequest,
  options: { outputPath: string; collectGarbageFirst: boolean; analyze: boolean },
): Promise<number> {
  const { api } = context;
  const watch = await api.call('attach', { request });
  const stopProgress = api.on('snapshotProgress', (progress) => {
    if (progress.watchId === watch.watchId) context.progress(describeSnapshotProgress(progress));
  });
  // Ctrl-C cancels the capture, which deletes the partial file.
  void context.interrupted.then(() => api.call('cancelSnapshot', { watchId: watch.watchId }));
  try {
    const file = await api.call('takeSnapshot', {
      watchId: watch.watchId,
      path: resolve(options.outputPath),
      options: { collectGarbageFirst: options.collectGarbageFirst, analyze: options.analyze },
    });
    context.progress('');
    context.out(`Saved ${file.path} (${formatBytes(file.sizeBytes)}) in ${(file.durationMs / 1000).toFixed(1)} s.`);
    if (file.analysisError) context.err(`The snapshot is saved but could not be analysed: ${file.analysisError.message}`);
    if (!file.snapshot) return options.analyze ? EXIT.other : EXIT.ok;
    try {
      context.out('');
      return await printSnapshotReport(context, file.snapshot, { top: 20, json: false, elapsedMs: file.durationMs });
    } finally {
      await api.call('closeSnapshot', { snapshotId: file.snapshot.snapshotId });
    }
  } finally {
    stopProgress();
    await api.call('detach', { watchId: watch.watchId }).catch(() => undefined);
  }
}
