import type { WatchInfo } from '../../../shared/model/watches';

/** A watch's name for legends and toasts; the pid tells apart two runs of the same script. */
export function watchLabel(info: WatchInfo): string {
  const title = info.target.title || info.target.url || 'Untitled target';
  const pid = info.target.pid ?? info.launchedPid;
  return pid === undefined ? title : `${title} (pid ${pid})`;
}
