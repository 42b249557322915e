import { extname, resolve } from 'node:path';
import { HeapdeckError } from '../../../shared/contract/errors';
import type { AttachRequest } from '../../../shared/model/targets';
import { parseTargetSpec } from '../../../shared/targetSpec';
import { isReportFormat, type ReportFormat } from '../../reports/reportFormats';
import { parseCount } from '../count';
import { parseDurationMs } from '../duration';
import { parseLaunchCommand } from './launchCommand';

const DEFAULT_SNAPSHOTS = 3;
const MAX_SNAPSHOTS = 100;
const DEFAULT_INTERVAL_MS = 10_000;
const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.md': 'md', '.markdown': 'md' };

/** `heapdeck check` as given on the command line, checked, with every path absolute. */
export interface CheckOptions {
  request: AttachRequest;
  snapshots: number;
  intervalMs: number;
  scenarioPath?: string;
  budgetPath?: string;
  report?: { path: string; format: ReportFormat };
  /** Where snapshots go; absent: a new folder under the OS temp folder. */
  outDir?: string;
  json: boolean;
}

export interface CheckFlags {
  launch?: string;
  target?: string;
  tab?: string;
  scenario?: string;
  snapshots?: string;
  interval?: string;
  budget?: string;
  report?: string;
  format?: string;
  'out-dir'?: string;
  json: boolean;
}

/** Reads and checks the flags of `heapdeck check`; every mistake is INVALID_ARGUMENT (exit 2). */
export function checkOptionsFrom(flags: CheckFlags, positionals: string[], cwd: string): CheckOptions {
  const [extra] = positionals;
  if (extra !== undefined) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}": "heapdeck check" takes --launch "<command>" or --target <target>.`);
  }
  const at = (path: string) => resolve(cwd, path);
  return {
    request: targetOf(flags, cwd),
    snapshots: parseCount(flags.snapshots, '--snapshots', DEFAULT_SNAPSHOTS, MAX_SNAPSHOTS),
    intervalMs: flags.interval === undefined ? DEFAULT_INTERVAL_MS : parseDurationMs(flags.interval, '--interval'),
    ...(flags.scenario !== undefined ? { scenarioPath: at(flags.scenario) } : {}),
    ...(flags.budget !== undefined ? { budgetPath: at(flags.budget) } : {}),
    ...reportOf(flags, at),
    ...(flags['out-dir'] !== undefined ? { outDir: at(flags['out-dir']) } : {}),
    json: flags.json,
  };
}

function targetOf(flags: CheckFlags, cwd: string): AttachRequest {
  if (flags.launch !== undefined && flags.target !== undefined) {
    throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck check" takes --launch or --target, not both: launch the app, or check one that is already running.');
  }
  if (flags.launch !== undefined) {
    if (flags.tab !== undefined) throw new HeapdeckError('INVALID_ARGUMENT', '--tab picks a tab of a --target endpoint; a launched script is one target already.');
    return parseLaunchCommand(flags.launch, cwd);
  }
  if (flags.target !== undefined) return parseTargetSpec(flags.target, flags.tab);
  throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck check" needs --launch "node app.js" (start the app) or --target <target> (an app already running).');
}

function reportOf(flags: CheckFlags, at: (path: string) => string): Pick<CheckOptions, 'report'> {
  if (flags.report === undefined) {
    if (flags.format !== undefined) throw new HeapdeckError('INVALID_ARGUMENT', '--format is the format of --report <file>; give the file too.');
    return {};
  }
  if (flags.format !== undefined && !isReportFormat(flags.format)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `--format takes html, json or md (got "${flags.format}").`);
  }
  const byExtension = FORMAT_BY_EXTENSION[extname(flags.report).toLowerCase()];
  if (flags.format !== undefined && byExtension !== undefined && flags.format !== byExtension) {
    throw new HeapdeckError(
      'INVALID_ARGUMENT',
      `--format ${flags.format} does not match the report file ${flags.report}; name it .${flags.format} or leave out --format.`,
    );
  }
  const format = (flags.format as ReportFormat | undefined) ?? byExtension;
  if (!format) throw new HeapdeckError('INVALID_ARGUMENT', `Cannot tell the report's format from ${flags.report}: end it in .html, .json or .md, or add --format.`);
  return { report: { path: at(flags.report), format } };
}
