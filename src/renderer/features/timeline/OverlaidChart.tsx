import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { byteAxisProps } from './charts/byteAxis';
import { ChartTooltip } from './charts/ChartTooltip';
import { CHART_MARGIN, GRID_COLOR, PALETTE } from './charts/chartTheme';
import { timeAxisProps, timeDomainOf } from './charts/timeAxis';
import type { WatchLive } from './liveStore';
import { overlayRows, type OverlayRow } from './overlayRows';
import { watchLabel } from './watchLabel';
import { byteAxisTicks, maxOf } from './charts/byteTicks';

const MAX_ROWS = 600;

/** Heap used of every watch in one chart, one line each, to compare targets side by side. */
export function OverlaidChart({ watches }: { watches: readonly WatchLive[] }) {
  const rows = useMemo(
    () => overlayRows(watches.map((watch) => ({ watchId: watch.info.watchId, samples: watch.samples })), MAX_ROWS),
    [watches],
  );
  const domain = useMemo(() => timeDomainOf(rows.map((row) => row.timestampMs)), [rows]);
  const ticks = useMemo(() => byteAxisTicks(maxOf(rows, (row) => Object.values(row.heapUsedBytes))), [rows]);

  return (
    <div className="chart overlaid" data-testid="overlaid-chart">
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_COLOR} vertical={false} />
          <XAxis {...timeAxisProps(domain)} />
          <YAxis {...byteAxisProps(ticks)} />
          <Tooltip content={<ChartTooltip unit="bytes" />} isAnimationActive={false} />
          <Legend verticalAlign="top" height={24} iconSize={10} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
          {watches.map((watch, index) => (
            <Line
              key={watch.info.watchId}
              dataKey={(row: OverlayRow) => row.heapUsedBytes[watch.info.watchId]}
              name={watchLabel(watch.info)}
              stroke={PALETTE[index % PALETTE.length]}
              strokeWidth={1.8}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
