/** The report's only styles: inline, because the CSP allows nothing from outside the file. */
export const HTML_REPORT_STYLE = `
:root { color-scheme: light; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; }
body { margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d9dde3; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.muted, .meta { color: #5d6573; } .meta { margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eceef2; vertical-align: top; }
th { font-weight: 600; background: #f5f6f8; } td.num, th.num { text-align: right; white-space: nowrap; }
td.name, .path, code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
.finding { border: 1px solid #d9dde3; border-radius: 6px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
.finding h3 { margin-top: 0; } .kind { font-size: 12px; color: #5d6573; }
.pass { color: #1f7a45; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; }
.up { color: #b3261e; } .down { color: #1f7a45; }
svg text { font: 11px system-ui, sans-serif; fill: #1d2330; }
svg .axis { stroke: #9aa1ab; } svg .tick { fill: #5d6573; }
svg .heap-used { fill: none; stroke: #2f6fde; stroke-width: 1.5; } svg .heap-total { fill: none; stroke: #9cb8ee; stroke-width: 1; }
svg .limit { stroke: #b3261e; stroke-dasharray: 4 3; } svg .marker-gc { stroke: #6b7280; }
svg .marker-snapshot { fill: #7a3fb8; font-size: 13px; } svg .marker-alert.warning { fill: #d08700; } svg .marker-alert.critical { fill: #b3261e; }
svg.sparkline polyline { fill: none; stroke: #2f6fde; stroke-width: 1.5; }
.legend span { margin-right: 14px; } .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; } tr, .finding, svg { break-inside: avoid; }
  th { background: none; } a { color: inherit; text-decoration: none; }
}
`;
