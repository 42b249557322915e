import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MemorySample } from '../../../../shared/model/metrics';
import { ChartTooltip } from './ChartTooltip';
import { AXIS_COLOR, CHART_MARGIN_WITH_RIGHT_AXIS, GRID_COLOR, LEFT_AXIS_WIDTH, RIGHT_AXIS_WIDTH, SERIES_COLORS, TICK_STYLE } from './chartTheme';
import { timeAxisProps, type TimeDomain } from './timeAxis';

interface DomCountersChartProps {
  samples: readonly MemorySample[];
  domain: TimeDomain;
  syncId?: string;
}

const formatCount = (value: number): string => (value >= 10_000 ? `${Math.round(value / 1000)}k` : String(value));

/**
 * Chrome's DOM counters. Nodes and listeners run in the thousands, documents and frames in
 * single digits, so the small ones get their own axis on the right.
 */
export function DomCountersChart({ samples, domain, syncId }: DomCountersChartProps) {
  return (
    <div className="chart" data-testid="dom-chart">
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={samples as MemorySample[]} margin={CHART_MARGIN_WITH_RIGHT_AXIS} syncId={syncId} syncMethod="value">
          <CartesianGrid stroke={GRID_COLOR} vertical={false} />
          <XAxis {...timeAxisProps(domain)} />
          <YAxis yAxisId="large" width={LEFT_AXIS_WIDTH} tickFormatter={formatCount} stroke={AXIS_COLOR} tick={TICK_STYLE} tickLine={false} />
          <YAxis
            yAxisId="small"
            orientation="right"
            width={RIGHT_AXIS_WIDTH}
            allowDecimals={false}
            stroke={AXIS_COLOR}
            tick={TICK_STYLE}
            tickLine={false}
          />
          <Tooltip content={<ChartTooltip unit="count" />} isAnimationActive={false} />
          <Legend verticalAlign="top" height={24} iconSize={10} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="large" dataKey="domNodes" name="DOM nodes" stroke={SERIES_COLORS.domNodes} dot={false} isAnimationActive={false} />
          <Line
            yAxisId="large"
            dataKey="jsEventListeners"
            name="Event listeners"
            stroke={SERIES_COLORS.jsEventListeners}
            dot={false}
            isAnimationActive={false}
          />
          <Line yAxisId="small" dataKey="documents" name="Documents" stroke={SERIES_COLORS.documents} dot={false} isAnimationActive={false} />
          <Line yAxisId="small" dataKey="frames" name="Frames" stroke={SERIES_COLORS.frames} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
