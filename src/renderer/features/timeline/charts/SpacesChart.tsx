import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { byteAxisProps } from './byteAxis';
import type { MemorySample } from '../../../../shared/model/metrics';
import { byteAxisTicks } from './byteTicks';
import { ChartTooltip } from './ChartTooltip';
import { CHART_MARGIN, GRID_COLOR, PALETTE } from './chartTheme';
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
          <YAxis {...byteAxisProps(ticks)} />
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
