import type { HeapdeckReport } from '../../shared/model/report';
import { htmlReport } from './htmlReport';
import { jsonReport } from './jsonReport';
import { markdownReport } from './markdownReport';

/** One writer per format, so the CLI and the app pick by name. */
export const REPORT_WRITERS = { html: htmlReport, json: jsonReport, md: markdownReport } as const satisfies Record<string, (report: HeapdeckReport) => string>;

export type ReportFormat = keyof typeof REPORT_WRITERS;

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(REPORT_WRITERS, value);
}
