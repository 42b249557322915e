import { useMemo, useState } from 'react';
import { Area, Brush, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { byteAxisProps } from './byteAxis';
import type { Alert, MemorySample } from '../../../../shared/model/metrics';
import { formatClockTime } from '../../../format/time';
import { alertMarkers } from './alertMarkers';
import { snapshotMarkers } from './snapshotMarkers';
import { byteAxisTicks, maxOf } from './byteTicks';
import { ChartTooltip } from './ChartTooltip';
import { AXIS_COLOR, CHART_MARGIN, GRID_COLOR, SERIES_COLORS } from './chartTheme';
import { timeAxisProps, type TimeDomain } from './timeAxis';

export interface BrushWindow {
  /** Called with the chosen span when the user lets go of the brush. */
  onSelect(fromMs: number, toMs: number): void;
}

interface HeapChartProps {
  samples: readonly MemorySample[];
  domain: TimeDomain;
  alerts: readonly Alert[];
  isNode: boolean;
  showLimit: boolean;
  syncId?: string;
  brush?: BrushWindow;
  /** When heap snapshots of this target were taken. */
  snapshotTimes?: readonly number[];
}

type ByteField = 'heapTotalBytes' | 'rssBytes' | 'externalBytes' | 'arrayBuffersBytes';

const LINE_SERIES: readonly { key: ByteField; name: string; color: string; nodeOnly: boolean }[] = [
  { key: 'heapTotalBytes', name: 'Heap total', color: SERIES_COLORS.heapTotal, nodeOnly: false },
  { key: 'rssBytes', name: 'RSS', color: SERIES_COLORS.rss, nodeOnly: true },
  { key: 'externalBytes', name: 'External', color: SERIES_COLORS.external, nodeOnly: true },
  { key: 'arrayBuffersBytes', name: 'Array buffers', color: SERIES_COLORS.arrayBuffers, nodeOnly: true },
];

/** Heap used, total and limit, and for Node the process-level memory, over time. */
export function HeapChart({ samples, domain, alerts, isNode, showLimit, syncId, brush, snapshotTimes = [] }: HeapChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const lines = useMemo(() => LINE_SERIES.filter((series) => isNode || !series.nodeOnly), [isNode]);

  // Axis ticks follow what is drawn, so hiding RSS rescales the heap lines.
  const ticks = useMemo(() => {
    const shown = lines.filter((series) => !hidden.has(series.key));
    const max = maxOf(samples, (sample) => [
      hidden.has('heapUsedBytes') ? undefined : sample.heapUsedBytes,
      showLimit && !hidden.has('heapLimitBytes') ? sample.heapLimitBytes : undefined,
      ...shown.map((series) => sample[series.key]),
    ]);
    return byteAxisTicks(max);
  }, [samples, lines, hidden, showLimit]);

  const toggle = (key: string): void =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div className="chart" data-testid="heap-chart">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={samples as MemorySample[]} margin={CHART_MARGIN} syncId={syncId} syncMethod="value">
          <CartesianGrid stroke={GRID_COLOR} vertical={false} />
          <XAxis {...timeAxisProps(domain)} />
          <YAxis {...byteAxisProps(ticks)} />
          <Tooltip content={<ChartTooltip unit="bytes" />} isAnimationActive={false} />
          <Legend
            verticalAlign="top"
            height={24}
            iconSize={10}
            itemSorter={null}
            onClick={(entry) => toggle(String(entry.dataKey))}
            wrapperStyle={{ fontSize: 12, cursor: 'pointer' }}
          />
          <Area
            dataKey="heapUsedBytes"
            name="Heap used"
            type="monotone"
            stroke={SERIES_COLORS.heapUsed}
            fill={SERIES_COLORS.heapUsed}
            fillOpacity={0.15}
            strokeWidth={2}
            dot={false}
            hide={hidden.has('heapUsedBytes')}
            isAnimationActive={false}
          />
          {lines.map((series) => (
            <Line
              key={series.key}
              dataKey={series.key}
              name={series.name}
              type="monotone"
              stroke={series.color}
              strokeWidth={1.5}
              dot={false}
              hide={hidden.has(series.key)}
              isAnimationActive={false}
            />
          ))}
          {showLimit && (
            <Line
              dataKey="heapLimitBytes"
              name="Heap limit"
              stroke={SERIES_COLORS.heapLimit}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              dot={false}
              hide={hidden.has('heapLimitBytes')}
              isAnimationActive={false}
            />
          )}
          {alertMarkers(alerts)}
          {snapshotMarkers(snapshotTimes)}
          {brush && samples.length > 2 && (
            <Brush
              dataKey="timestampMs"
              height={28}
              stroke={AXIS_COLOR}
              fill="#131a24"
              tickFormatter={(value: number) => formatClockTime(value)}
              onDragEnd={({ startIndex, endIndex }) => {
                const from = samples[startIndex];
                const to = samples[endIndex];
                if (from && to && to.timestampMs > from.timestampMs) brush.onSelect(from.timestampMs, to.timestampMs);
              }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
