import type { HeapdeckReport } from '../../shared/model/report';

/** The report for tools: the DTO itself, checked by resources/heapdeck-report.schema.json. */
export function jsonReport(report: HeapdeckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
