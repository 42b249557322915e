import { stat } from 'node:fs/promises';
import { extname, isAbsolute } from 'node:path';
import type { ApiClient } from '../../shared/contract/client';
import { HeapdeckError } from '../../shared/contract/errors';
import type { Budget } from '../../shared/model/findings';
import type { OpenedLookup } from '../cli/openSnapshotFiles';
import { writeFileAtomic } from '../os/writeFileAtomic';
import { buildReport, type ReportSource } from './buildReport';
import { isReportFormat, REPORT_WRITERS } from './reportFormats';

const TABLE_ROWS = 20;

export interface ExportRequest {
  files?: string[];
  sessionId?: string;
  format: string;
  destination: string;
}

/**
 * The app's "Export report": the same report `heapdeck report` writes, built through the API
 * (so its numbers are the ones the views show) from the snapshots the app has open where it
 * has them, written through a temporary file.
 */
export async function exportReport(
  api: ApiClient,
  request: ExportRequest,
  budgets: Budget[],
  alreadyOpen: OpenedLookup,
): Promise<{ path: string; sizeBytes: number }> {
  const { format, destination } = request;
  if (!isReportFormat(format)) throw new HeapdeckError('INVALID_ARGUMENT', `A report is html, json or md (got "${String(format)}").`);
  if (typeof destination !== 'string' || !isAbsolute(destination) || extname(destination) !== `.${format}`) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Save the report to an absolute path ending in .${format}.`);
  }
  const report = await buildReport({ api, err: () => undefined, progress: () => undefined }, sourceOf(request), {
    top: TABLE_ROWS,
    alreadyOpen,
    ...(budgets.length ? { budgets } : {}),
  });
  await writeFileAtomic(destination, REPORT_WRITERS[format](report));
  return { path: destination, sizeBytes: (await stat(destination)).size };
}

function sourceOf({ files, sessionId }: ExportRequest): ReportSource {
  if (typeof sessionId === 'string' && !files) return { sessionId };
  if (Array.isArray(files) && files.length > 0 && files.every((file) => typeof file === 'string') && sessionId === undefined) return { files };
  throw new HeapdeckError('INVALID_ARGUMENT', 'A report is made of snapshot files or of one session, not both or neither.');
}
