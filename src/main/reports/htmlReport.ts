import { formatBytes } from '../../shared/format/bytes';
import type { ClassDiffRow, LeakReport, TrendReport } from '../../shared/model/comparisons';
import type { BudgetResult, Finding } from '../../shared/model/findings';
import type { HeapdeckReport, ReportComparison, ReportSession, ReportSnapshotFile, ReportSnapshotSummary } from '../../shared/model/report';
import { budgetLabel } from './budgetLabel';
import { escapeHtml } from './escapeHtml';
import { HTML_REPORT_STYLE } from './htmlReportStyle';
import { retainingPathText } from './retainingPathText';
import { sparklineSvg } from './sparklineSvg';
import { statisticsBarSvg } from './statisticsBarSvg';
import { timelineSvg } from './timelineSvg';

// Nothing may load or run: styles inline, images only as data: URLs, and no script at all, so a
// heap string that slipped past escaping still could not execute.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The report as one self-contained HTML file: inline CSS and SVG charts, no script, no network. */
export function htmlReport(report: HeapdeckReport): string {
  const nameOf = snapshotNames(report.snapshots);
  const body = [
    header(report),
    section('Snapshots', snapshotsTable(report.snapshots)),
    report.session ? section('Session', sessionSection(report.session)) : '',
    section('Findings', findingsSection(report.findings)),
    report.budgets ? section('Budgets', budgetsTable(report.budgets, nameOf)) : '',
    report.comparison ? section('Comparison', comparisonSection(report.comparison)) : '',
    report.trend ? section('Trend', trendSection(report.trend)) : '',
    report.leaks ? section('Leak candidates', leaksSection(report.leaks)) : '',
    section('Snapshot summaries', report.summaries.map((summary) => summarySection(summary, nameOf)).join('')),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Heapdeck ${report.kind} report</title>
<style>${HTML_REPORT_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function header(report: HeapdeckReport): string {
  const skipped = report.skipped.map((file) => `<li>Skipped <code>${escapeHtml(file.path)}</code>: ${escapeHtml(file.error)}</li>`).join('');
  return `<h1>Heapdeck ${report.kind} report</h1>
<p class="meta">Heapdeck ${escapeHtml(report.heapdeckVersion)} · generated ${new Date(report.generatedAtMs).toISOString()} · schema ${report.schemaVersion} · ${report.snapshots.length} snapshot${report.snapshots.length === 1 ? '' : 's'}</p>${skipped ? `<ul>${skipped}</ul>` : ''}`;
}

function section(title: string, content: string): string {
  return `<section><h2>${title}</h2>${content}</section>`;
}

function bytes(value: number): string {
  return `<span title="${value} bytes">${formatBytes(value)}</span>`;
}

function signedBytes(value: number): string {
  return `<span class="${value > 0 ? 'up' : value < 0 ? 'down' : ''}" title="${value} bytes">${value > 0 ? '+' : ''}${formatBytes(value)}</span>`;
}

function table(headings: string[], rows: string[][]): string {
  const head = headings.map((heading) => `<th${heading.startsWith('#') ? ' class="num"' : ''}>${heading.replace(/^#/, '')}</th>`).join('');
  const cells = (row: string[]) => row.map((cell, index) => `<td${headings[index]!.startsWith('#') ? ' class="num"' : ''}>${cell}</td>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((row) => `<tr>${cells(row)}</tr>`).join('')}</tbody></table>`;
}

function snapshotNames(snapshots: ReportSnapshotFile[]): Map<string, string> {
  return new Map(snapshots.map((snapshot, index) => [snapshot.snapshotId, `#${index + 1} ${snapshot.path.split(/[\\/]/).pop() ?? ''}`]));
}

function snapshotsTable(snapshots: ReportSnapshotFile[]): string {
  return table(
    ['#', 'File', 'Taken', '#File size', '#Objects', '#Heap total'],
    snapshots.map((file, index) => [
      String(index + 1),
      `<code>${escapeHtml(file.path)}</code>`,
      new Date(file.takenAtMs).toISOString(),
      bytes(file.sizeBytes),
      file.nodeCount.toLocaleString('en-US'),
      bytes(file.totalSizeBytes),
    ]),
  );
}

function sessionSection(session: ReportSession): string {
  const { target, environment } = session;
  const facts = [
    ['Target', `${escapeHtml(target.title)} (${escapeHtml(target.kind)})`],
    ['URL', `<code>${escapeHtml(target.url)}</code>`],
    ...(environment.product ? [['Runtime', escapeHtml(environment.product)]] : []),
    ...(environment.pid !== undefined ? [['PID', String(environment.pid)]] : []),
    ...(environment.heapLimitBytes !== undefined ? [['Heap limit', bytes(environment.heapLimitBytes)]] : []),
    ['Recorded', `${new Date(session.startedAtMs).toISOString()}${session.endedAtMs ? ` – ${new Date(session.endedAtMs).toISOString()}` : ''}`],
    ['Samples', `${session.totalSamples.toLocaleString('en-US')} (${session.samples.length} drawn)`],
  ];
  const legend = `<p class="legend muted"><span>— heap used</span><span>— heap total</span><span>- - heap limit</span><span>◆ snapshot</span><span>▲ alert</span><span>| GC</span></p>`;
  return `${table(['', ''], facts)}${timelineSvg(session)}${legend}`;
}

function findingsSection(findings: Finding[]): string {
  if (!findings.length) return '<p>No findings.</p>';
  return findings
    .map((finding) => {
      const { figures, series, path, object, samples } = finding.evidence;
      const figureRows = Object.entries(figures).map(([label, value]) => [escapeHtml(label), value.toLocaleString('en-US')]);
      return `<article class="finding">
<h3>${escapeHtml(finding.title)}</h3>
<p class="kind">${escapeHtml(finding.kind)} · at stake ${bytes(finding.bytesAtStake)}</p>
${figureRows.length ? table(['Figure', '#Value'], figureRows) : ''}
${series ? `<p>${escapeHtml(series.label)}: ${series.values.join(' → ')} ${sparklineSvg(series.values)}</p>` : ''}
${object ? `<p>Object: <code>${escapeHtml(object.className)} @${object.id}</code>, retains ${bytes(object.retainedSizeBytes)}</p>` : ''}
${path?.length ? `<p>Retained by: <span class="path">${escapeHtml(retainingPathText(path))}</span></p>` : ''}
${samples?.length ? `<ul>${samples.map((sample) => `<li><code>${escapeHtml(sample)}</code></li>`).join('')}</ul>` : ''}
<p>Fix: ${escapeHtml(finding.suggestion)}</p>
</article>`;
    })
    .join('\n');
}

function budgetsTable(results: BudgetResult[], nameOf: Map<string, string>): string {
  return table(
    ['Budget', 'Verdict', 'Per snapshot'],
    results.map((result) => [
      escapeHtml(budgetLabel(result.budget)),
      result.pass ? '<span class="pass">PASS</span>' : '<span class="fail">FAIL</span>',
      result.perSnapshot
        .map((verdict) => `${escapeHtml(nameOf.get(verdict.snapshotId) ?? verdict.snapshotId)}: ${verdict.valueBytes === null ? '—' : bytes(verdict.valueBytes)} ${verdict.pass ? 'ok' : '<span class="fail">over</span>'}`)
        .join('<br>'),
    ]),
  );
}

function comparisonSection({ info, classes }: ReportComparison): string {
  const totals = `<p>Heap total ${bytes(info.baseTotalBytes)} → ${bytes(info.targetTotalBytes)}; ${info.newCount.toLocaleString('en-US')} new objects (${bytes(info.newShallowBytes)}), ${info.deletedCount.toLocaleString('en-US')} deleted (${bytes(info.deletedShallowBytes)}).</p>`;
  const warning = info.warning ? `<p class="fail">${escapeHtml(info.warning)}</p>` : '';
  return `${totals}${warning}${table(
    ['Class', '#New', '#Deleted', '#Δ count', '#Δ shallow', '#Δ retained'],
    classes.map((row: ClassDiffRow) => [
      `<span class="name">${escapeHtml(row.name)}</span>`,
      row.newCount.toLocaleString('en-US'),
      row.deletedCount.toLocaleString('en-US'),
      row.deltaCount.toLocaleString('en-US'),
      signedBytes(row.deltaShallowBytes),
      signedBytes(row.deltaRetainedBytes),
    ]),
  )}`;
}

function trendSection(trend: TrendReport): string {
  const warnings = trend.warnings.map((warning) => `<p class="fail">${escapeHtml(warning)}</p>`).join('');
  const classes = table(
    ['Class', 'Counts', 'Retained', '#Last retained', 'Grew'],
    trend.classes.map((row) => [
      `<span class="name">${escapeHtml(row.name)}</span>`,
      `${row.counts.join(' → ')} ${sparklineSvg(row.counts)}`,
      sparklineSvg(row.retainedBytes),
      bytes(row.retainedBytes[row.retainedBytes.length - 1] ?? 0),
      row.grewEveryTime ? 'every time' : row.grewOverall ? 'overall' : '',
    ]),
  );
  const paths = table(
    ['Retaining path', 'Objects', 'Grew every time'],
    trend.paths.map((row) => [`<span class="path">${escapeHtml(row.pattern)}</span>`, `${row.counts.join(' → ')} ${sparklineSvg(row.counts)}`, row.grewEveryTime ? 'yes' : '']),
  );
  return `<p>Heap total: ${trend.totalBytes.map(bytes).join(' → ')} ${sparklineSvg(trend.totalBytes)}</p>${warnings}<h3>Classes</h3>${classes}<h3>Retaining paths</h3>${paths}`;
}

function leaksSection(leaks: LeakReport): string {
  const filters = `<p class="muted">${leaks.candidateCount.toLocaleString('en-US')} candidates, ${leaks.filteredCount.toLocaleString('en-US')} filtered as noise (${leaks.filters.map(escapeHtml).join('; ')}).</p>`;
  return `${filters}${table(
    ['Retaining path', '#Objects', '#Retained', 'Classes'],
    leaks.clusters.map((cluster) => [
      `<span class="path">${escapeHtml(cluster.pattern)}</span>`,
      cluster.count.toLocaleString('en-US'),
      bytes(cluster.retainedBytes),
      `<span class="name">${cluster.classNames.map(escapeHtml).join(', ')}</span>`,
    ]),
  )}`;
}

function summarySection(summary: ReportSnapshotSummary, nameOf: Map<string, string>): string {
  return `<h3>${escapeHtml(nameOf.get(summary.snapshotId) ?? summary.snapshotId)}: ${bytes(summary.totalSizeBytes)}, ${summary.nodeCount.toLocaleString('en-US')} objects, ${summary.classCount.toLocaleString('en-US')} classes</h3>
${statisticsBarSvg(summary.statistics)}
${table(
  ['Class', '#Count', '#Shallow', '#Retained', '#Distance'],
  summary.topClasses.map((row) => [
    `<span class="name">${escapeHtml(row.name)}</span>`,
    row.count.toLocaleString('en-US'),
    bytes(row.shallowSizeBytes),
    bytes(row.retainedSizeBytes),
    String(row.minDistance),
  ]),
)}`;
}
