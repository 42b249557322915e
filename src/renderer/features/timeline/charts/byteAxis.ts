import { formatBytesTick } from '../../../format/bytes';
import { AXIS_COLOR, LEFT_AXIS_WIDTH, TICK_STYLE } from './chartTheme';

/** Props of every bytes Y axis: round ticks from 0, labels in KB / MB / GB. */
export function byteAxisProps(ticks: readonly number[]) {
  return {
    width: LEFT_AXIS_WIDTH,
    tickFormatter: formatBytesTick,
    stroke: AXIS_COLOR,
    tick: TICK_STYLE,
    tickLine: false,
    ticks: [...ticks],
    domain: [0, ticks[ticks.length - 1] ?? 'auto'] as [number, number | 'auto'],
  };
}
