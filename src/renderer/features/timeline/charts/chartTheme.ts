import type { GcKind } from '../../../../shared/model/metrics';

// SVG presentation attributes do not resolve CSS variables, so chart colours live here.
export const SERIES_COLORS = {
  heapUsed: '#5eb1ff',
  heapTotal: '#8191a8',
  heapLimit: '#e06c75',
  rss: '#c678dd',
  external: '#e5c07b',
  arrayBuffers: '#56b6c2',
  domNodes: '#5eb1ff',
  jsEventListeners: '#e5c07b',
  documents: '#98c379',
  frames: '#c678dd',
} as const;

export const GC_COLORS: Record<GcKind, string> = {
  minor: '#7f8ea3',
  major: '#c678dd',
  incremental: '#56b6c2',
  'weak-callbacks': '#d19a66',
  unknown: '#9aa0a6',
};

export const ALERT_COLORS = { warning: '#f0a040', critical: '#ef5350' } as const;

/** For per-watch lines (overlaid view) and heap spaces: distinct on a dark background. */
export const PALETTE = ['#5eb1ff', '#98c379', '#e5c07b', '#c678dd', '#56b6c2', '#e06c75', '#d19a66', '#a3b8ff', '#7fd1b9', '#f2a7c3'];

export const GRID_COLOR = '#263041';
export const AXIS_COLOR = '#4a5568';
export const TICK_STYLE = { fill: '#98a4b6', fontSize: 11 };

// Every chart of a panel keeps the same plot width, so their time axes line up: the left axis
// has a fixed width and the right side always reserves room for a second axis.
export const LEFT_AXIS_WIDTH = 64;
export const RIGHT_AXIS_WIDTH = 44;
export const CHART_MARGIN = { top: 8, right: 8 + RIGHT_AXIS_WIDTH, bottom: 0, left: 0 };
export const CHART_MARGIN_WITH_RIGHT_AXIS = { ...CHART_MARGIN, right: 8 };
