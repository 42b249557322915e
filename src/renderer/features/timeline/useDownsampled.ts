import { useMemo } from 'react';
import { lttb } from '../../../shared/lttb';
import type { MemorySample } from '../../../shared/model/metrics';

/** What a chart can draw smoothly; beyond this, points are closer than pixels anyway. */
export const CHART_POINTS = 600;

/** Downsamples to the shape of heap used, so peaks and drops survive hours of samples. */
export function useDownsampled(samples: readonly MemorySample[]): readonly MemorySample[] {
  return useMemo(
    () => lttb(samples, CHART_POINTS, (sample) => sample.timestampMs, (sample) => sample.heapUsedBytes),
    [samples],
  );
}
