import { formatBytes } from '../../shared/format/bytes';
import type { Alert, AlertSettings, GcEvent, MemorySample } from '../../shared/model/metrics';
import { createLeakDetector, type Baseline, type LeakTrend } from './leakDetector';

/** Turns one watch's samples and GC events into alerts; pure, no I/O, one per watch. */
export interface AlertEngine {
  onSample(sample: MemorySample): Alert[];
  onGc(event: GcEvent): Alert[];
  /** Applies new thresholds from the next sample or GC on; what was learnt so far is kept. */
  updateSettings(settings: AlertSettings): void;
}

/**
 * A heap hovering at a threshold would cross it at every other sample; an alert is armed again
 * only once the share has fallen this far (5 points) below its threshold.
 */
const REARM_MARGIN_SHARE = 0.05;
/** Samples per stretch whose minimum serves as a baseline when the target reports no GCs. */
const SAMPLES_PER_LOW_POINT = 10;

/**
 * Creates the alert engine of one watch.
 *
 * Heap alerts compare heap used with the heap limit: one `heap-warning` when the share crosses
 * `warningShare`, one `heap-critical` when it crosses `criticalShare`.
 *
 * Leak suspicion follows the heap's baseline. Node targets report GCs, and the heap used right
 * after each major GC (forced ones included) is the baseline. Chrome targets report none, so
 * there the minimum of each stretch of {@link SAMPLES_PER_LOW_POINT} samples stands in: the
 * bottoms of the saw-tooth a collected heap draws. The engine starts on those low points and
 * switches to GC baselines for good at the first major GC that carries one.
 */
export function createAlertEngine(initial: AlertSettings): AlertEngine {
  let settings = initial;
  const leaks = createLeakDetector(initial);
  const armed = { warning: true, critical: true };
  let baselinesFromGc = false;
  let stretch: { samples: number; low?: Baseline } = { samples: 0 };

  const heapAlerts = (sample: MemorySample): Alert[] => {
    const limit = sample.heapLimitBytes;
    if (!limit || limit <= 0) return [];
    const share = sample.heapUsedBytes / limit;
    if (share < settings.criticalShare - REARM_MARGIN_SHARE) armed.critical = true;
    if (share < settings.warningShare - REARM_MARGIN_SHARE) armed.warning = true;

    let level: Alert['level'];
    if (share >= settings.criticalShare && armed.critical) {
      // Jumping straight past both lines says one thing, so the warning is spent as well.
      armed.critical = false;
      armed.warning = false;
      level = 'critical';
    } else if (share >= settings.warningShare && armed.warning) {
      armed.warning = false;
      level = 'warning';
    } else {
      return [];
    }
    const amount = `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}% of its limit (${formatBytes(sample.heapUsedBytes)} of ${formatBytes(limit)})`;
    const outlook =
      level === 'critical' ? 'The process is close to running out of memory.' : 'If it keeps growing the process will run out of memory.';
    return [
      {
        watchId: sample.watchId,
        timestampMs: sample.timestampMs,
        kind: level === 'critical' ? 'heap-critical' : 'heap-warning',
        level,
        message: `Heap used is at ${amount}. ${outlook}`,
        heapUsedBytes: sample.heapUsedBytes,
        shareOfLimit: share,
      },
    ];
  };

  const lowPointOf = (sample: MemorySample): Baseline | undefined => {
    const current = { timestampMs: sample.timestampMs, bytes: sample.heapUsedBytes };
    const low = stretch.low && stretch.low.bytes <= current.bytes ? stretch.low : current;
    stretch = { samples: stretch.samples + 1, low };
    if (stretch.samples < SAMPLES_PER_LOW_POINT) return undefined;
    stretch = { samples: 0 };
    return low;
  };

  return {
    onSample(sample) {
      const alerts = heapAlerts(sample);
      const low = baselinesFromGc ? undefined : lowPointOf(sample);
      const trend = low && leaks.add(low);
      if (trend) alerts.push(leakAlert(sample.watchId, sample.timestampMs, trend, 'low-points'));
      return alerts;
    },
    onGc(event) {
      if (event.kind !== 'major' || event.heapUsedAfterBytes === undefined) return [];
      if (!baselinesFromGc) {
        baselinesFromGc = true;
        leaks.reset();
      }
      const trend = leaks.add({ timestampMs: event.timestampMs, bytes: event.heapUsedAfterBytes });
      return trend ? [leakAlert(event.watchId, event.timestampMs, trend, 'gc')] : [];
    },
    updateSettings(next) {
      settings = next;
      leaks.updateSettings(next);
    },
  };
}

function leakAlert(watchId: string, timestampMs: number, trend: LeakTrend, source: 'gc' | 'low-points'): Alert {
  const evidence =
    source === 'gc'
      ? `Heap after GC rose ${formatBytes(trend.riseBytes)} over the last ${trend.baselineCount} major GCs`
      : `The heap's low points rose ${formatBytes(trend.riseBytes)} over the last ${trend.baselineCount} ` +
        `stretches of ${SAMPLES_PER_LOW_POINT} samples`;
  return {
    watchId,
    timestampMs,
    kind: 'leak-suspicion',
    level: 'warning',
    message:
      `${evidence} (+${formatBytes(trend.slopeBytesPerMinute)}/min, confidence ${trend.confidence.toFixed(2)}). ` +
      'Take two heap snapshots a while apart and compare them to see what grows.',
    heapUsedBytes: trend.last.bytes,
    slopeBytesPerMinute: trend.slopeBytesPerMinute,
    confidence: trend.confidence,
    baselineCount: trend.baselineCount,
  };
}
