import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MemorySample } from '../../../../shared/model/metrics';
import { formatBytesTick } from '../../../format/bytes';
import { byteAxisTicks } from './byteTicks';
import { ChartTooltip } from './ChartTooltip';
import { AXIS_COLOR, CHART_MARGIN, GRID_COLOR, LEFT_AXIS_WIDTH, PALETTE, TICK_STYLE } from './chartTheme';
import { spaceRows, type SpaceRow } from './spaceRows';
import { timeAxisProps, type TimeDomain } from './timeAxis';

interface SpacesChartProps {
  samples: readonly MemorySample[];
  domain: TimeDomain;
  syncId?: string;
}

/** V8 heap spaces (new, old, code, large object …) stacked, as their sum is heap used. */
export function SpacesChart({ samples, domain, syncId }: SpacesChartProps) {
  const { rows, names, maxTotalBytes } = useMemo(() => spaceRows(samples), [samples]);
  const ticks = useMemo(() => byteAxisTicks(maxTotalBytes), [maxTotalBytes]);
  return (
    <div className="chart" data-testid="spaces-chart">
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={rows} margin={CHART_MARGIN} syncId={syncId} syncMethod="value">
          <CartesianGrid stroke={GRID_COLOR} vertical={false} />
          <XAxis {...timeAxisProps(domain)} />
          <YAxis
            width={LEFT_AXIS_WIDTH}
            tickFormatter={formatBytesTick}
            stroke={AXIS_COLOR}
            tick={TICK_STYLE}
            tickLine={false}
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1] ?? 'auto']}
          />
          <Tooltip content={<ChartTooltip unit="bytes" />} isAnimationActive={false} />
          <Legend verticalAlign="top" iconSize={10} itemSorter={null} wrapperStyle={{ fontSize: 12, paddingBottom: 4 }} />
          {names.map((name, index) => (
            <Area
              key={name}
              dataKey={(row: SpaceRow) => row.usedBytes[name]}
              name={name.replace(/_/g, ' ')}
              type="monotone"
              stackId="spaces"
              stroke={PALETTE[index % PALETTE.length]}
              fill={PALETTE[index % PALETTE.length]}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
