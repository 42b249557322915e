import { parseArgs } from 'node:util';
import { createApiClient } from '../../shared/contract/client';
import { HeapdeckError, toErrorDto } from '../../shared/contract/errors';
import { SAMPLE_INTERVAL_MS } from '../../shared/model/metrics';
import { parseTargetSpec } from '../../shared/targetSpec';
import { createServices } from '../services';
import type { CliContext } from './cliContext';
import { checkOptionsFrom } from './check/checkOptions';
import { analyzeCommand } from './commands/analyzeCommand';
import { checkCommand } from './commands/checkCommand';
import { diffCommand } from './commands/diffCommand';
import { findingsCommand } from './commands/findingsCommand';
import { gcCommand } from './commands/gcCommand';
import { leaksCommand } from './commands/leaksCommand';
import { reportCommand } from './commands/reportCommand';
import { serveCommand } from './commands/serveCommand';
import { snapshotCommand } from './commands/snapshotCommand';
import { snapshotsCommand } from './commands/snapshotsCommand';
import { targetsCommand } from './commands/targetsCommand';
import { trendCommand } from './commands/trendCommand';
import { watchCommand } from './commands/watchCommand';
import { isReportFormat } from '../reports/reportFormats';
import { parseCount } from './count';
import { parseDurationMs } from './duration';
import { EXIT, exitCodeFor } from './exitCodes';
import { USAGE } from './usage';

export interface CliEnvironment {
  root: string;
  rendererDir: string;
  snapshotWorkerPath: string;
  out(line: string): void;
  err(line: string): void;
  progress(line: string): void;
  interrupted: Promise<void>;
}

/** Runs one CLI invocation and returns its exit code; never exits the process itself. */
export async function runCli(argv: string[], environment: CliEnvironment): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    environment.out(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (error) {
    environment.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const services = await createServices(environment.root, { snapshotWorkerPath: environment.snapshotWorkerPath });
  const context: CliContext = { ...environment, api: createApiClient(services.door) };
  try {
    return await runCommand(command, parsed, context, services.door);
  } catch (error) {
    const dto = toErrorDto(error);
    environment.err(`heapdeck ${command}: ${dto.message} [${dto.code}]`);
    if (dto.code === 'INVALID_ARGUMENT') environment.err(`\nRun "heapdeck --help" for usage.`);
    return exitCodeFor(dto.code);
  } finally {
    await services.shutdown();
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      endpoint: { type: 'string', multiple: true, default: [] },
      tab: { type: 'string' },
      interval: { type: 'string' },
      duration: { type: 'string' },
      port: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'no-gc': { type: 'boolean', default: false },
      analyze: { type: 'boolean', default: false },
      top: { type: 'string' },
      budget: { type: 'string' },
      format: { type: 'string' },
      launch: { type: 'string' },
      target: { type: 'string' },
      scenario: { type: 'string' },
      snapshots: { type: 'string' },
      report: { type: 'string' },
      'out-dir': { type: 'string' },
    },
  });
}

async function runCommand(
  command: string,
  { values, positionals }: ReturnType<typeof parseOptions>,
  context: CliContext,
  door: Parameters<typeof serveCommand>[1],
): Promise<number> {
  const target = () => {
    const [spec, extra] = positionals;
    if (!spec) throw new HeapdeckError('INVALID_ARGUMENT', `"heapdeck ${command}" needs a <target>.`);
    if (extra) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}".`);
    return parseTargetSpec(spec, values.tab);
  };
  switch (command) {
    case 'targets':
      return targetsCommand(context, { endpoints: values.endpoint, json: values.json });
    case 'watch':
      return watchCommand(context, {
        request: target(),
        intervalMs: values.interval ? parseDurationMs(values.interval, '--interval') : SAMPLE_INTERVAL_MS.default,
        ...(values.duration ? { durationMs: parseDurationMs(values.duration, '--duration') } : {}),
        json: values.json,
      });
    case 'gc':
      return gcCommand(context, target());
    case 'snapshot':
      if (!values.output) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck snapshot" needs -o <file.heapsnapshot>.');
      return snapshotCommand(context, target(), { outputPath: values.output, collectGarbageFirst: !values['no-gc'], analyze: values.analyze });
    case 'analyze': {
      const [path, extra] = positionals;
      if (!path) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck analyze" needs a .heapsnapshot file.');
      if (extra) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}".`);
      return analyzeCommand(context, { path, top: parseCount(values.top, '--top', 20), json: values.json });
    }
    case 'diff': {
      const [basePath, targetPath, extra] = positionals;
      if (!basePath || !targetPath) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck diff" needs two .heapsnapshot files, older first.');
      if (extra) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}".`);
      return diffCommand(context, { basePath, targetPath, top: parseCount(values.top, '--top', 20), json: values.json });
    }
    case 'leaks': {
      const [baseline, target, final, extra] = positionals;
      if (!baseline || !target || !final) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck leaks" needs three .heapsnapshot files: baseline, target, final.');
      if (extra) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}".`);
      return leaksCommand(context, { paths: [baseline, target, final], json: values.json });
    }
    case 'trend':
      if (positionals.length < 3) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck trend" needs three or more .heapsnapshot files, oldest first.');
      return trendCommand(context, { paths: positionals, top: parseCount(values.top, '--top', 20), json: values.json });
    case 'findings':
      if (!positionals.length) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck findings" needs one or more .heapsnapshot files, oldest first.');
      return findingsCommand(context, { paths: positionals, json: values.json, budgetPath: values.budget });
    case 'report': {
      if (!positionals.length) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck report" needs .heapsnapshot files (oldest first) or a session folder.');
      if (!values.output) throw new HeapdeckError('INVALID_ARGUMENT', '"heapdeck report" needs -o <file>.');
      const format = values.format ?? 'html';
      if (!isReportFormat(format)) throw new HeapdeckError('INVALID_ARGUMENT', `--format takes html, json or md (got "${format}").`);
      return reportCommand(context, { inputs: positionals, format, outputPath: values.output, top: parseCount(values.top, '--top', 20), budgetPath: values.budget });
    }
    case 'check':
      return checkCommand(context, checkOptionsFrom(values, positionals, process.cwd()));
    case 'snapshots':
      if (positionals.length) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${positionals[0]}".`);
      return snapshotsCommand(context, { json: values.json });
    case 'serve': {
      const [snapshotPath, extra] = positionals;
      if (extra) throw new HeapdeckError('INVALID_ARGUMENT', `Unexpected argument "${extra}".`);
      return serveCommand(context, door, { port: parsePort(values.port), snapshotPath });
    }
    default:
      throw new HeapdeckError('INVALID_ARGUMENT', `Unknown command "${command}".`);
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new HeapdeckError('INVALID_ARGUMENT', `--port takes a port number from 0 to 65535 (got "${text}").`);
  }
  return port;
}
