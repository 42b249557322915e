import type { AlertSettings } from '../../shared/model/metrics';
import { fitLine } from './linearFit';

export type LeakSettings = Pick<AlertSettings, 'leakWindow' | 'leakMinConfidence' | 'leakMinGrowthBytes'>;

/** Heap used at a low point: right after a major GC, or the minimum of a stretch of samples. */
export interface Baseline {
  timestampMs: number;
  bytes: number;
}

/** A baseline that keeps rising, as the detector reports it. */
export interface LeakTrend {
  slopeBytesPerMinute: number;
  /** R² of the fit, 0..1. */
  confidence: number;
  baselineCount: number;
  /** Rise of the fitted line across the window. */
  riseBytes: number;
  /** The newest baseline. */
  last: Baseline;
}

/** Follows baselines and says when they form a rising line worth an alert. */
export interface LeakDetector {
  /** Adds the next baseline; returns a trend when one should be reported now, else undefined. */
  add(baseline: Baseline): LeakTrend | undefined;
  /** Forgets every baseline and any reported trend. */
  reset(): void;
  updateSettings(settings: LeakSettings): void;
}

const MS_PER_MINUTE = 60_000;
// Two points always fit a line perfectly; a trend needs at least three.
const MIN_WINDOW = 3;

/**
 * Fits a least-squares line through the last `leakWindow` baselines. A trend is reported once
 * when it forms; it is reported again only when the baseline has since risen by another
 * window's worth, or when the trend broke (no fit for a whole window of new baselines, so the
 * next report rests on fresh data) and formed again. A leak that keeps leaking therefore
 * reminds the user now and then instead of at every GC.
 */
export function createLeakDetector(initial: LeakSettings): LeakDetector {
  let settings = initial;
  let baselines: Baseline[] = [];
  let reported: { atBytes: number; riseBytes: number } | undefined;
  let baselinesWithoutTrend = 0;

  const windowSize = () => Math.max(MIN_WINDOW, Math.floor(settings.leakWindow));

  const currentTrend = (): LeakTrend | undefined => {
    if (baselines.length < windowSize()) return undefined;
    const first = baselines[0]!;
    const last = baselines[baselines.length - 1]!;
    const fit = fitLine(baselines.map((b) => ({ x: (b.timestampMs - first.timestampMs) / MS_PER_MINUTE, y: b.bytes })));
    if (!fit || fit.slope <= 0) return undefined;
    const riseBytes = fit.slope * ((last.timestampMs - first.timestampMs) / MS_PER_MINUTE);
    if (fit.rSquared < settings.leakMinConfidence || riseBytes < settings.leakMinGrowthBytes) return undefined;
    return { slopeBytesPerMinute: fit.slope, confidence: fit.rSquared, baselineCount: baselines.length, riseBytes, last };
  };

  return {
    add(baseline) {
      baselines.push(baseline);
      if (baselines.length > windowSize()) baselines = baselines.slice(-windowSize());
      const trend = currentTrend();
      if (!trend) {
        baselinesWithoutTrend += 1;
        if (baselinesWithoutTrend >= windowSize()) reported = undefined;
        return undefined;
      }
      baselinesWithoutTrend = 0;
      if (reported && trend.last.bytes - reported.atBytes < reported.riseBytes) return undefined;
      reported = { atBytes: trend.last.bytes, riseBytes: trend.riseBytes };
      return trend;
    },
    reset() {
      baselines = [];
      reported = undefined;
      baselinesWithoutTrend = 0;
    },
    updateSettings(next) {
      settings = next;
      if (baselines.length > windowSize()) baselines = baselines.slice(-windowSize());
    },
  };
}
