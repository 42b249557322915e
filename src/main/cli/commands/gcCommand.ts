import { formatBytes } from '../../../shared/format/bytes';
import type { AttachRequest } from '../../../shared/model/targets';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

/** Attaches, forces a full GC, prints what it freed, detaches. */
export async function gcCommand(context: CliContext, request: AttachRequest): Promise<number> {
  const { api } = context;
  const watch = await api.call('attach', { request });
  try {
    const before = await api.call('getRecentSamples', { watchId: watch.watchId, maxPoints: 2 });
    const { gc, sample } = await api.call('collectGarbage', { watchId: watch.watchId });
    const usedBefore = before.samples.at(-1)?.heapUsedBytes;
    const freed = usedBefore === undefined ? '' : `, freed ${formatBytes(usedBefore - sample.heapUsedBytes)}`;
    const pause = gc ? `${gc.durationMs.toFixed(1)} ms` : 'unknown pause';
    context.out(`Forced GC on ${watch.target.title}: ${pause}${freed}; heap used now ${formatBytes(sample.heapUsedBytes)}.`);
    return EXIT.ok;
  } finally {
    await api.call('detach', { watchId: watch.watchId }).catch(() => undefined);
  }
}
