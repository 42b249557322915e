import { useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type ScatterShapeProps, type TooltipContentProps } from 'recharts';
import type { GcEvent } from '../../../../shared/model/metrics';
import { formatBytes } from '../../../../shared/format/bytes';
import { formatPauseMs, formatPreciseTime } from '../../../format/time';
import { AXIS_COLOR, CHART_MARGIN, GC_COLORS, GRID_COLOR, LEFT_AXIS_WIDTH, TICK_STYLE } from './chartTheme';
import { thinGcEvents } from './thinGcEvents';
import { timeAxisProps, type TimeDomain } from './timeAxis';

interface GcLaneProps {
  gcEvents: readonly GcEvent[];
  domain: TimeDomain;
}

/**
 * Garbage collections as dots under the heap chart, on the same time axis: height is the
 * pause, colour the kind; forced GCs (Force GC) get a white ring. Busy stretches are thinned
 * to the longest pause per kind and dot width.
 */
export function GcLane({ gcEvents, domain }: GcLaneProps) {
  const visible = useMemo(() => thinGcEvents(gcEvents, domain), [gcEvents, domain]);
  return (
    <div className="chart gc-lane" data-testid="gc-lane">
      <ResponsiveContainer width="100%" height={84}>
        <ScatterChart margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_COLOR} vertical={false} />
          {/* Lined up under the heap chart, whose axis labels the time. */}
          <XAxis {...timeAxisProps(domain)} hide />
          <YAxis
            dataKey="durationMs"
            type="number"
            width={LEFT_AXIS_WIDTH}
            tickFormatter={(value: number) => `${value} ms`}
            stroke={AXIS_COLOR}
            tick={TICK_STYLE}
            tickLine={false}
            tickCount={3}
            domain={[0, 'auto']}
            label={{ value: 'GC', angle: -90, position: 'insideLeft', fill: '#98a4b6', fontSize: 11 }}
          />
          <Tooltip content={GcTooltip} cursor={false} isAnimationActive={false} />
          <Scatter data={visible as GcEvent[]} shape={GcDot} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

function GcDot({ cx, cy, payload }: ScatterShapeProps) {
  if (cx === undefined || cy === undefined) return <g />;
  const gc = payload as GcEvent;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={gc.forced ? 5 : 3.5}
      fill={GC_COLORS[gc.kind]}
      stroke={gc.forced ? '#ffffff' : 'none'}
      strokeWidth={gc.forced ? 1.5 : 0}
      data-gc-kind={gc.kind}
    />
  );
}

function GcTooltip({ active, payload }: TooltipContentProps) {
  const gc = active ? (payload?.[0]?.payload as GcEvent | undefined) : undefined;
  if (!gc) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{formatPreciseTime(gc.timestampMs)}</div>
      <div className="chart-tooltip-row">
        <span className="swatch" style={{ background: GC_COLORS[gc.kind] }} />
        <span className="chart-tooltip-name">
          {gc.kind} GC{gc.forced ? ' (forced)' : ''}
        </span>
        <span className="chart-tooltip-value">{formatPauseMs(gc.durationMs)} pause</span>
      </div>
      {gc.heapUsedAfterBytes !== undefined && (
        <div className="chart-tooltip-row">
          <span className="chart-tooltip-name">Heap after</span>
          <span className="chart-tooltip-value">{formatBytes(gc.heapUsedAfterBytes)}</span>
        </div>
      )}
    </div>
  );
}
