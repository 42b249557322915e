// `npm test`: typecheck, build, unit + integration + contract tests (Vitest) and end-to-end
// tests (Playwright), then the one closing line CI reads: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(process.cwd(), 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let stepsFailed = 0;

if (!run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])) stepsFailed++;
if (!run('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])) stepsFailed++;
const built = run('build', 'npx', ['electron-vite', 'build']);
if (!built) stepsFailed++;

const vitestJson = join(resultsDir, 'vitest.json');
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  counts.passed += vitest.numPassedTests ?? 0;
  counts.failed += vitest.numFailedTests ?? 0;
  counts.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
if (!vitestOk && !(vitest?.numFailedTests > 0)) stepsFailed++;

if (built) {
  const playwrightJson = join(resultsDir, 'playwright.json');
  const playwrightOk = run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const stats = readJson(playwrightJson)?.stats;
  if (stats) {
    counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    counts.failed += stats.unexpected ?? 0;
    counts.skipped += stats.skipped ?? 0;
  }
  if (!playwrightOk && !(stats?.unexpected > 0)) stepsFailed++;
}

// A step that failed outside any test (typecheck, build, a crashed runner) counts as a failure.
counts.failed += stepsFailed;
const total = counts.passed + counts.failed;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 || total === 0 ? 1 : 0);
