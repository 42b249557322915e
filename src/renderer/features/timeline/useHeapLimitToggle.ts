import { useState } from 'react';
import type { MemorySample } from '../../../shared/model/metrics';

// Below this share the limit line squashes every other line flat at the bottom.
const AUTO_SHOW_SHARE = 0.25;

/** Whether the heap chart draws the limit: by default only once the heap gets near it. */
export function useHeapLimitToggle(latest: MemorySample | undefined) {
  const [choice, setChoice] = useState<boolean | null>(null);
  const hasLimit = latest?.heapLimitBytes !== undefined;
  const auto = hasLimit && latest.heapTotalBytes / latest.heapLimitBytes! >= AUTO_SHOW_SHARE;
  return { hasLimit, showLimit: hasLimit && (choice ?? auto), setShowLimit: setChoice };
}
