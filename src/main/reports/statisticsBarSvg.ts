import { formatBytes } from '../../shared/format/bytes';
import { HEAP_KINDS, type HeapKind, type HeapStatistics } from '../../shared/model/heapSnapshots';
import { round } from './sparklineSvg';

// Fills a printed page keeps distinguishable; the legend has room for the short labels.
const COLORS: Record<HeapKind, string> = {
  codeBytes: '#e8a33d',
  stringsBytes: '#5b8def',
  jsArraysBytes: '#49b67a',
  typedArraysBytes: '#b569c9',
  systemBytes: '#8a8f98',
  nativeBytes: '#d6584e',
  otherBytes: '#c9cdd3',
};
const KINDS = HEAP_KINDS.map(({ key, shortLabel }) => ({ key, label: shortLabel, color: COLORS[key] }));

/** Memory by kind as one stacked bar with a legend (the figures are the API's, only drawn). */
export function statisticsBarSvg(statistics: HeapStatistics, width = 640): string {
  const total = KINDS.reduce((sum, kind) => sum + statistics[kind.key], 0) || 1;
  let x = 0;
  const bars = KINDS.map(({ key, label, color }) => {
    const barWidth = (statistics[key] / total) * width;
    const rect = `<rect x="${round(x)}" y="0" width="${round(barWidth)}" height="18" fill="${color}"><title>${label}: ${formatBytes(statistics[key])}</title></rect>`;
    x += barWidth;
    return rect;
  }).join('');
  const legend = KINDS.map(
    ({ key, label, color }, index) =>
      `<g transform="translate(${(index % 4) * (width / 4)},${30 + Math.floor(index / 4) * 18})"><rect width="10" height="10" fill="${color}"/><text x="14" y="9">${label} ${formatBytes(statistics[key])}</text></g>`,
  ).join('');
  return `<svg class="statistics" width="${width}" height="70" viewBox="0 0 ${width} 70" role="img" aria-label="Memory by kind">${bars}${legend}</svg>`;
}
