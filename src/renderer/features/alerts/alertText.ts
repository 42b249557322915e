import type { Alert } from '../../../shared/model/metrics';
import { formatBytesPerMinute } from '../../format/bytes';

const TITLES: Record<Alert['kind'], string> = {
  'heap-warning': 'Heap is getting full',
  'heap-critical': 'Heap is nearly full',
  'leak-suspicion': 'Possible memory leak',
};

export function alertTitle(alert: Alert): string {
  return TITLES[alert.kind];
}

/**
 * The numbers behind an alert in one line: the share of the limit, or for a leak the
 * baseline's slope and how sure the fit is.
 */
export function alertDetails(alert: Alert): string {
  const parts: string[] = [];
  if (alert.shareOfLimit !== undefined) parts.push(`${(alert.shareOfLimit * 100).toFixed(1)}% of the heap limit`);
  if (alert.slopeBytesPerMinute !== undefined) parts.push(`baseline ${formatBytesPerMinute(alert.slopeBytesPerMinute)}`);
  if (alert.confidence !== undefined) parts.push(`confidence ${Math.round(alert.confidence * 100)}%`);
  if (alert.baselineCount !== undefined) parts.push(`over ${alert.baselineCount} GCs`);
  return parts.join(' · ');
}
