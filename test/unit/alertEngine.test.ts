import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings, type GcEvent, type MemorySample } from '../../src/shared/model/metrics';
import { createAlertEngine } from '../../src/main/sampling/alertEngine';

const MB = 1024 * 1024;
const LIMIT = 1000 * MB;
const settings: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, warningShare: 0.8, criticalShare: 0.9 };

function sample(timestampMs: number, heapUsedBytes: number, heapLimitBytes: number | null = LIMIT): MemorySample {
  return { watchId: 'w', timestampMs, heapUsedBytes, heapTotalBytes: heapUsedBytes, ...(heapLimitBytes ? { heapLimitBytes } : {}) };
}

function majorGc(timestampMs: number, heapUsedAfterBytes: number, extra: Partial<GcEvent> = {}): GcEvent {
  return { watchId: 'w', timestampMs, kind: 'major', durationMs: 5, forced: false, heapUsedAfterBytes, ...extra };
}

/** Feeds heap shares (0..1) one per second and returns the kinds of the alerts raised. */
function feedShares(shares: number[], engine = createAlertEngine(settings)): string[] {
  return shares.flatMap((share, i) => engine.onSample(sample(i * 1000, share * LIMIT)).map((a) => a.kind));
}

describe('heap alerts', () => {
  it('warns once when the warning share is crossed, and says so in words', () => {
    const engine = createAlertEngine(settings);
    expect(engine.onSample(sample(0, 0.5 * LIMIT))).toEqual([]);
    const [alert] = engine.onSample(sample(1000, 0.82 * LIMIT));
    expect(alert).toMatchObject({ kind: 'heap-warning', level: 'warning', watchId: 'w', timestampMs: 1000 });
    expect(alert!.shareOfLimit).toBeCloseTo(0.82);
    expect(alert!.message).toMatch(/82% of its limit \(820\.0 MB of 1000\.0 MB\)/);
  });

  it('raises critical past the critical share, and only critical when both are jumped at once', () => {
    expect(feedShares([0.5, 0.85, 0.95])).toEqual(['heap-warning', 'heap-critical']);
    expect(feedShares([0.5, 0.95, 0.85, 0.96])).toEqual(['heap-critical']);
  });

  it('does not repeat while the heap hovers at the line', () => {
    expect(feedShares([0.79, 0.81, 0.79, 0.81, 0.78, 0.82, 0.8, 0.81])).toEqual(['heap-warning']);
    expect(feedShares([0.89, 0.91, 0.88, 0.9, 0.87, 0.92])).toEqual(['heap-warning', 'heap-critical']);
  });

  it('re-arms only after the share fell 5 points below the threshold', () => {
    expect(feedShares([0.81, 0.76, 0.81])).toEqual(['heap-warning']);
    expect(feedShares([0.81, 0.74, 0.81])).toEqual(['heap-warning', 'heap-warning']);
    expect(feedShares([0.91, 0.86, 0.91, 0.84, 0.91])).toEqual(['heap-critical', 'heap-critical']);
  });

  it('stays quiet without a known heap limit', () => {
    const engine = createAlertEngine(settings);
    expect(engine.onSample(sample(0, 5000 * MB, null))).toEqual([]);
  });

  it('applies new thresholds', () => {
    const engine = createAlertEngine(settings);
    expect(feedShares([0.6], engine)).toEqual([]);
    engine.updateSettings({ ...settings, warningShare: 0.5 });
    expect(feedShares([0.6], engine)).toEqual(['heap-warning']);
  });
});

describe('leak suspicion from post-GC baselines', () => {
  const minute = 60_000;

  it('fires once on a steadily rising baseline, with slope, confidence and count', () => {
    const engine = createAlertEngine(settings);
    const alerts = [0, 1, 2, 3, 4].flatMap((i) => engine.onGc(majorGc(i * minute, (50 + 3 * i) * MB)));
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'leak-suspicion', level: 'warning', baselineCount: 5, timestampMs: 4 * minute });
    expect(alert!.slopeBytesPerMinute! / MB).toBeCloseTo(3, 5);
    expect(alert!.confidence).toBeCloseTo(1, 5);
    expect(alert!.message).toBe(
      'Heap after GC rose 12.0 MB over the last 5 major GCs (+3.0 MB/min, confidence 1.00). ' +
        'Take two heap snapshots a while apart and compare them to see what grows.',
    );
  });

  it('counts forced GCs and ignores minor GCs and GCs without a baseline', () => {
    const engine = createAlertEngine(settings);
    const alerts = [0, 1, 2, 3, 4].flatMap((i) => [
      ...engine.onGc({ watchId: 'w', timestampMs: i * minute + 1, kind: 'minor', durationMs: 1, forced: false }),
      ...engine.onGc({ watchId: 'w', timestampMs: i * minute + 2, kind: 'major', durationMs: 1, forced: true }),
      ...engine.onGc(majorGc(i * minute, (50 + 2 * i) * MB, { forced: i % 2 === 0 })),
    ]);
    expect(alerts.map((a) => a.kind)).toEqual(['leak-suspicion']);
  });

  it('does not fire on a flat baseline, on noise, or on growth below the minimum', () => {
    const flat = createAlertEngine(settings);
    expect(Array.from({ length: 30 }, (_, i) => flat.onGc(majorGc(i * minute, 50 * MB))).flat()).toEqual([]);

    // Deterministic jitter of ±4 MB around 50 MB: no trend, however long it runs.
    const noisy = createAlertEngine(settings);
    const jitter = [0, 3, -4, 2, -1, 4, -3, 1, -2, 3, -4, 0, 2, -3, 4, -1, 1, -4, 3, -2];
    expect(jitter.flatMap((j, i) => noisy.onGc(majorGc(i * minute, (50 + j) * MB)))).toEqual([]);

    // A perfect line, but only 400 KB over the window: below leakMinGrowthBytes (1 MB).
    const tiny = createAlertEngine(settings);
    expect([0, 1, 2, 3, 4].flatMap((i) => tiny.onGc(majorGc(i * minute, 50 * MB + i * 100 * 1024)))).toEqual([]);
  });

  it('does not repeat for every GC, but reminds after another window of growth', () => {
    const engine = createAlertEngine(settings);
    // +3 MB per GC: the first report rests on a 12 MB rise, so the next comes 12 MB (4 GCs) later.
    const firedAt = Array.from({ length: 14 }, (_, i) => i).filter((i) => engine.onGc(majorGc(i * minute, (50 + 3 * i) * MB)).length > 0);
    expect(firedAt).toEqual([4, 8, 12]);
  });

  it('fires again after the trend broke for a whole window and formed again', () => {
    const engine = createAlertEngine(settings);
    const baselines = [
      50, 53, 56, 59, 62, // rises: fires at the 5th
      62, 62, 62, 62, 62, // flat for a window: the trend is over
      65, 68, 71, // rises again: three rising points in five make a line again
    ];
    const firedAt = baselines.map((mb, i) => engine.onGc(majorGc(i * minute, mb * MB)).length).flatMap((n, i) => (n ? [i] : []));
    expect(firedAt).toEqual([4, 12]);
  });

  it('uses the low points of each 10 samples when the target reports no GCs (Chrome)', () => {
    const engine = createAlertEngine(settings);
    const alerts: string[] = [];
    for (let i = 0; i < 60; i++) {
      // A saw-tooth whose bottom rises 2 MB every 10 samples.
      const floorMb = 40 + 2 * Math.floor(i / 10);
      for (const alert of engine.onSample(sample(i * 1000, (floorMb + (i % 10)) * MB))) alerts.push(alert.message);
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^The heap's low points rose 8\.0 MB over the last 5 stretches of 10 samples/);
  });

  it('switches to GC baselines at the first major GC that has one', () => {
    const engine = createAlertEngine(settings);
    // Rising low points that would fire at sample 50 ...
    for (let i = 0; i < 45; i++) engine.onSample(sample(i * 1000, (40 + 2 * Math.floor(i / 10)) * MB));
    engine.onGc(majorGc(45_000, 30 * MB));
    // ... no longer count once GC baselines are known.
    const later = Array.from({ length: 20 }, (_, i) => engine.onSample(sample((46 + i) * 1000, (60 + i) * MB))).flat();
    expect(later).toEqual([]);
  });
});
