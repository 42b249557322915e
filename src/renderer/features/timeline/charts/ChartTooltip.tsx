import type { TooltipContentProps } from 'recharts';
import { formatBytes } from '../../../../shared/format/bytes';
import { formatPreciseTime } from '../../../format/time';

interface ChartTooltipProps extends Partial<TooltipContentProps> {
  unit: 'bytes' | 'count';
}

/** Tooltip of the line charts: the time, then every series' value in readable units. */
export function ChartTooltip({ active, payload, label, unit }: ChartTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{typeof label === 'number' ? formatPreciseTime(label) : label}</div>
      {payload.map((entry) => {
        const value = typeof entry.value === 'number' ? entry.value : Number(entry.value);
        return (
          <div key={String(entry.dataKey ?? entry.name)} className="chart-tooltip-row">
            <span className="swatch" style={{ background: entry.color }} />
            <span className="chart-tooltip-name">{entry.name}</span>
            <span className="chart-tooltip-value">
              {unit === 'bytes' ? formatBytes(value) : value.toLocaleString('en-US')}
            </span>
          </div>
        );
      })}
    </div>
  );
}
