import { describe, expect, it } from 'vitest';
import { formatBytesPerMinute, formatBytesTick, formatExactBytes } from '../../src/renderer/format/bytes';
import { formatClockTime, formatDuration, formatPauseMs } from '../../src/renderer/format/time';

describe('renderer byte formatting', () => {
  it('gives the exact count with thousands separators for tooltips', () => {
    expect(formatExactBytes(12_345_678)).toBe('12,345,678 bytes');
    expect(formatExactBytes(0)).toBe('0 bytes');
    expect(formatExactBytes(Number.NaN)).toBe('unknown');
  });

  it('labels axis ticks in KB, MB or GB with few digits', () => {
    expect(formatBytesTick(0)).toBe('0 MB');
    expect(formatBytesTick(512 * 1024)).toBe('512 KB');
    expect(formatBytesTick(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytesTick(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytesTick(4 * 1024 ** 3)).toBe('4 GB');
    expect(formatBytesTick(1.25 * 1024 ** 3)).toBe('1.25 GB');
  });

  it('signs growth rates', () => {
    expect(formatBytesPerMinute(2 * 1024 * 1024)).toBe('+2.0 MB/min');
    expect(formatBytesPerMinute(-1024)).toBe('-1.0 KB/min');
  });
});

describe('renderer time formatting', () => {
  it('prints clock time from local time', () => {
    expect(formatClockTime(new Date(2025, 0, 2, 3, 4, 5).getTime())).toBe('03:04:05');
  });

  it('says durations as people do', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(-1)).toBe('—');
  });

  it('keeps short GC pauses precise', () => {
    expect(formatPauseMs(0.42)).toBe('0.42 ms');
    expect(formatPauseMs(12.34)).toBe('12.3 ms');
    expect(formatPauseMs(1200)).toBe('1.20 s');
  });
});
