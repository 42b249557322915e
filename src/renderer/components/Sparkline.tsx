interface SparklineProps {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
}

/** A tiny line chart of a series (oldest first), scaled to its own range. */
export function Sparkline({ values, label, width = 90, height = 22 }: SparklineProps) {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((value, k) => `${(2 + k * step).toFixed(1)},${(height - 2 - ((value - min) / span) * (height - 4)).toFixed(1)}`);
  const rising = values[values.length - 1]! > values[0]!;
  return (
    <svg className={rising ? 'sparkline rising' : 'sparkline'} width={width} height={height} role="img" aria-label={`${label}: ${values.join(', ')}`}>
      <polyline points={points.join(' ')} fill="none" strokeWidth={1.5} />
      {points.map((point, k) => {
        const [x, y] = point.split(',');
        return <circle key={k} cx={x} cy={y} r={1.8} />;
      })}
    </svg>
  );
}
