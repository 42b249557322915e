import { formatClockTime } from '../../../format/time';
import { AXIS_COLOR, TICK_STYLE } from './chartTheme';

export type TimeDomain = readonly [number, number];

/** The span a chart shows: first to last sample, widened so a single sample still has a width. */
export function timeDomainOf(timestampsMs: readonly number[]): TimeDomain {
  const first = timestampsMs[0] ?? Date.now();
  const last = timestampsMs[timestampsMs.length - 1] ?? first;
  return last - first >= 1000 ? [first, last] : [first - 1000, first + 1000];
}

/** Props of every chart's X axis: numeric clock time over the given domain. */
export function timeAxisProps(domain: TimeDomain) {
  return {
    dataKey: 'timestampMs',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [domain[0], domain[1]],
    allowDataOverflow: true,
    tickFormatter: (value: number) => formatClockTime(value),
    minTickGap: 48,
    stroke: AXIS_COLOR,
    tick: TICK_STYLE,
    tickLine: false,
  };
}
