/** A tiny inline line chart of a series (a trend row's counts, a finding's values); no labels, the table beside it has the numbers. */
export function sparklineSvg(values: readonly number[], width = 120, height = 24): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((value, index) => `${round((index / (values.length - 1)) * (width - 4) + 2)},${round(height - 2 - ((value - min) / span) * (height - 4))}`)
    .join(' ');
  return `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><polyline points="${points}"/></svg>`;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
