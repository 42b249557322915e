import { formatBytes } from '../../shared/format/bytes';
import type { HeapdeckReport } from '../../shared/model/report';
import { budgetLabel } from './budgetLabel';
import { escapeMarkdown } from './escapeMarkdown';
import { retainingPathText } from './retainingPathText';

/** How many findings a pull-request comment shows; the HTML and JSON reports have them all. */
const TOP_FINDINGS = 5;

/** A compact summary for a pull request or an issue: the top findings, budgets and a table of deltas. */
export function markdownReport(report: HeapdeckReport): string {
  const lines = [
    `## Heapdeck ${report.kind} report`,
    '',
    `Heapdeck ${escapeMarkdown(report.heapdeckVersion)}, ${new Date(report.generatedAtMs).toISOString()}; snapshots, oldest first: ${report.snapshots
      .map((file) => `${escapeMarkdown(file.path.split(/[\\/]/).pop() ?? '')} (${formatBytes(file.totalSizeBytes)})`)
      .join(' → ')}`,
    '',
    ...findingLines(report),
    ...budgetLines(report),
    ...deltaLines(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function findingLines({ findings }: HeapdeckReport): string[] {
  if (!findings.length) return ['**No findings.**', ''];
  const shown = findings.slice(0, TOP_FINDINGS);
  return [
    `### Findings (${findings.length}${findings.length > shown.length ? `, top ${shown.length}` : ''})`,
    '',
    ...shown.flatMap((finding, index) => {
      const { path } = finding.evidence;
      return [
        `${index + 1}. **${escapeMarkdown(finding.title)}**: ${formatBytes(finding.bytesAtStake)} at stake`,
        ...(path?.length ? [`   - retained by: ${escapeMarkdown(retainingPathText(path))}`] : []),
        `   - fix: ${escapeMarkdown(finding.suggestion)}`,
      ];
    }),
    '',
  ];
}

function budgetLines({ budgets }: HeapdeckReport): string[] {
  if (!budgets?.length) return [];
  return ['### Budgets', '', ...budgets.map((result) => `- ${result.pass ? 'PASS' : '**FAIL**'}: ${escapeMarkdown(budgetLabel(result.budget))}`), ''];
}

// A comparison's class rows, or a trend's first → last per class: the same figures the API gave.
function deltaLines({ comparison, trend }: HeapdeckReport): string[] {
  if (comparison) {
    return [
      '### Deltas',
      '',
      '| Class | New | Deleted | Δ count | Δ retained |',
      '|---|---:|---:|---:|---:|',
      ...comparison.classes.map(
        (row) => `| ${escapeMarkdown(row.name)} | ${row.newCount} | ${row.deletedCount} | ${row.deltaCount} | ${signed(row.deltaRetainedBytes)} |`,
      ),
      '',
    ];
  }
  if (trend) {
    // Compact: only the classes that grew (the trend lists them first); the HTML report has the rest.
    const grown = trend.classes.filter((row) => row.grewOverall || row.grewEveryTime);
    if (!grown.length) return ['### Deltas', '', 'No class grew.', ''];
    return [
      '### Deltas',
      '',
      '| Class | Counts | Retained (last) | Grew |',
      '|---|---|---:|---|',
      ...grown.map(
        (row) =>
          `| ${escapeMarkdown(row.name)} | ${row.counts.join(' → ')} | ${formatBytes(row.retainedBytes[row.retainedBytes.length - 1] ?? 0)} | ${row.grewEveryTime ? 'every time' : row.grewOverall ? 'overall' : ''} |`,
      ),
      '',
    ];
  }
  return [];
}

function signed(bytes: number): string {
  return `${bytes > 0 ? '+' : ''}${formatBytes(bytes)}`;
}
