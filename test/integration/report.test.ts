import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { escapeHtml } from '../../src/main/reports/escapeHtml';
import { retainingPathText } from '../../src/main/reports/retainingPathText';
import type { Finding } from '../../src/shared/model/findings';
import type { HeapdeckReport } from '../../src/shared/model/report';
import { runCliIn } from '../fixtures/cliRunner';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';
import { recordLeakySession } from '../fixtures/leakySession';
import { HOSTILE, HOSTILE_APP } from '../fixtures/hostileStrings';
import { validateReport } from '../fixtures/reportSchema';
import { writeSnapshotSeries } from '../fixtures/snapshotSeries';
import { MAP_CACHE } from '../fixtures/mapCacheLeak';

async function cli(argv: string[], root: string) {
  const { code, out, err } = await runCliIn(root, argv);
  return { code, out, err: err.join('\n') };
}

// Snapshot ids differ between two opens of a file; everything else must be the API's.
function withoutSnapshotId(finding: Finding) {
  return { ...finding, snapshotId: '' };
}

// Table rows split on pipes not escaped with a backslash: every row must have the header's cells.
function cellCounts(markdown: string): number[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).length);
}

describe('heapdeck report', () => {
  let door: DoorUnderTest;
  let dir: string;
  let series: string[];
  let hostile: string[];

  beforeAll(async () => {
    door = await inMemoryDoor();
    dir = await mkdtemp(join(door.root, 'files-'));
    [series, hostile] = await Promise.all([writeSnapshotSeries(dir, MAP_CACHE), writeSnapshotSeries(dir, HOSTILE_APP)]);
  }, 120_000);
  afterAll(async () => {
    await door?.close();
  });

  async function report(paths: string[], format: 'html' | 'json' | 'md', extra: string[] = []) {
    const output = join(dir, `report-${Math.random().toString(36).slice(2)}.${format}`);
    const result = await cli(['report', ...paths, '--format', format, '-o', output, ...extra], door.root);
    return { ...result, text: await readFile(output, 'utf8').catch(() => '') };
  }

  async function openAll(paths: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const path of paths) ids.push((await door.api.call('openSnapshot', { path })).snapshotId);
    return ids;
  }

  it('a trend report in JSON follows the schema and its numbers are the API’s; a failing budget exits 4', async () => {
    const budgetPath = join(dir, 'budgets.json');
    const budgets = [{ kind: 'totalHeap', maxBytes: 1000 }, { kind: 'classRetained', className: 'SessionCache', maxBytes: 1e9 }] as const;
    await writeFile(budgetPath, JSON.stringify(budgets));
    const { code, err, text } = await report(series, 'json', ['--budget', budgetPath]);
    expect(code, err).toBe(4);
    const json = JSON.parse(text) as HeapdeckReport;
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json).toMatchObject({ schemaVersion: 1, heapdeckVersion: version, kind: 'trend' });
    expect(json.snapshots.map((file) => file.path)).toEqual(series);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));

    const ids = await openAll(series);
    const findings = await door.api.call('getFindings', { snapshotIds: ids });
    const growing = findings.find((finding) => finding.kind === 'growing-collection');
    expect(growing?.evidence.figures).toBeDefined();
    expect(json.findings.map(withoutSnapshotId)).toEqual(findings.map(withoutSnapshotId));

    const trend = await door.api.call('getTrend', { snapshotIds: ids });
    expect(json.trend!.classes[0]).toEqual(trend.classes[0]);
    expect(json.trend!.totalBytes).toEqual(trend.totalBytes);
    expect(json.leaks!.clusters.length).toBeGreaterThan(0);

    const checked = await door.api.call('checkBudgets', { snapshotIds: ids, budgets: [...budgets] });
    expect(json.budgets!.map((result) => [result.pass, result.perSnapshot.map((verdict) => verdict.valueBytes)])).toEqual(
      checked.map((result) => [result.pass, result.perSnapshot.map((verdict) => verdict.valueBytes)]),
    );
    expect(json.budgets!.map((result) => result.pass)).toEqual([false, true]);
    await Promise.all(ids.map((snapshotId) => door.api.call('closeSnapshot', { snapshotId })));
  }, 120_000);

  it('a comparison report’s class rows and a snapshot report’s summary are the API’s', async () => {
    const comparison = await report(series.slice(0, 2), 'json');
    expect(comparison.code, comparison.err).toBe(0);
    const compared = JSON.parse(comparison.text) as HeapdeckReport;
    expect(validateReport(compared), JSON.stringify(validateReport.errors)).toBe(true);
    expect(compared.kind).toBe('comparison');

    const single = await report(series.slice(2), 'json');
    const snapshot = JSON.parse(single.text) as HeapdeckReport;
    expect(validateReport(snapshot), JSON.stringify(validateReport.errors)).toBe(true);
    expect(snapshot.kind).toBe('snapshot');

    const [base, target] = await openAll(series.slice(0, 2));
    const info = await door.api.call('compareSnapshots', { baseSnapshotId: base!, targetSnapshotId: target! });
    const rows = await door.api.call('getComparisonClasses', { comparisonId: info.comparisonId, limit: 5, sortBy: 'deltaRetainedBytes' });
    const top = rows.items[0]!;
    expect(compared.comparison!.classes).toContainEqual(top);
    expect(compared.comparison!.info.newCount).toBe(info.newCount);

    const classes = await door.api.call('getSnapshotClasses', { snapshotId: target!, limit: 20, sortBy: 'retainedSizeBytes' });
    expect(compared.summaries[1]!.topClasses).toEqual(classes.items);
    expect(snapshot.summaries[0]!.topClasses.length).toBe(20);
    await Promise.all([base!, target!].map((snapshotId) => door.api.call('closeSnapshot', { snapshotId })));
  }, 120_000);

  it('Markdown has the top findings and a deltas table; HTML has no script, the finding and its retaining path', async () => {
    const md = await report(series, 'md');
    expect(md.code, md.err).toBe(0);
    expect(md.text).toMatch(/### Findings/);
    expect(md.text).toMatch(/A Map .* grew in every snapshot/);
    expect(md.text).toMatch(/\| Class \| Counts \| Retained \(last\) \| Grew \|/);
    expect(md.text).toMatch(/retained by: .*SessionCache\.sessions/);
    expect(new Set(cellCounts(md.text)).size).toBe(1);

    const html = await report(series, 'html');
    expect(html.code, html.err).toBe(0);
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const json = JSON.parse((await report(series, 'json')).text) as HeapdeckReport;
    const growing = json.findings.find((finding) => finding.kind === 'growing-collection')!;
    expect(html.text).toContain(escapeHtml(growing.title));
    expect(html.text).toContain(escapeHtml(retainingPathText(growing.evidence.path!)));
    expect(html.text).toMatch(/<svg class="sparkline"/);
    expect(html.text).toMatch(/<svg class="statistics"/);
  }, 120_000);

  it('hostile heap strings are escaped in HTML and Markdown and kept as data in JSON', async () => {
    const json = await report(hostile, 'json');
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.text) as HeapdeckReport;
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    expect(parsed.trend!.classes.map((row) => row.name)).toContain(HOSTILE);
    expect(parsed.findings.some((finding) => finding.title.includes(HOSTILE))).toBe(true);

    const html = await report(hostile, 'html');
    expect(html.code, html.err).toBe(0);
    expect(html.text).not.toMatch(/<script|<img/i);
    expect(html.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(html.text).toContain(escapeHtml(HOSTILE));
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');

    const md = await report(hostile, 'md');
    expect(md.code, md.err).toBe(0);
    // Every < is backslash-escaped, so no HTML tag can open.
    expect(md.text).not.toMatch(/(?<!\\)<|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const counts = cellCounts(md.text);
    expect(counts.length).toBeGreaterThan(2);
    expect(new Set(counts).size).toBe(1);
    expect(md.text).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md.text).toContain('\\| broken \\| table \\|\\`tick\\`');
  }, 120_000);

  it('a session folder gives a trend report with the timeline, its GC and snapshot markers', async () => {
    const watch = await recordLeakySession(door.api);
    const sessionFolder = join(door.root, 'sessions', watch.sessionId);

    const json = await report([sessionFolder], 'json');
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.text) as HeapdeckReport;
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    expect(parsed.kind).toBe('trend');
    const series = await door.api.call('getSessionSeries', { sessionId: watch.sessionId, maxPoints: 600 });
    expect(parsed.session!.samples).toEqual(series.samples);
    expect(parsed.session!.totalSamples).toBe(series.totalSamples);
    expect(parsed.session!.target).toEqual(watch.target);
    expect(parsed.session!.markers.filter((marker) => marker.kind === 'snapshot')).toHaveLength(3);
    expect(parsed.session!.markers.some((marker) => marker.kind === 'gc')).toBe(true);
    expect(parsed.findings.map((finding) => finding.kind)).toContain('growing-collection');

    const html = await report([sessionFolder], 'html');
    expect(html.text).toMatch(/<svg class="timeline"/);
    expect(html.text.match(/class="marker-snapshot"/g)).toHaveLength(3);
    expect(html.text).not.toMatch(/<script/i);
  }, 120_000);

  it('the app’s exportReport writes the same report through the API, and checks where it goes', async () => {
    const destination = join(dir, 'exported.json');
    const saved = await door.api.call('exportReport', { files: series, format: 'json', destination });
    const exported = JSON.parse(await readFile(destination, 'utf8')) as HeapdeckReport;
    expect(saved).toEqual({ path: destination, sizeBytes: (await stat(destination)).size });
    expect(validateReport(exported)).toBe(true);
    expect(exported.kind).toBe('trend');
    expect(exported.findings.some((finding) => finding.kind === 'growing-collection')).toBe(true);
    const refusal = (params: Parameters<typeof door.api.call<'exportReport'>>[1]) =>
      door.api.call('exportReport', params).then(
        () => 'written',
        (error: { code: string }) => error.code,
      );
    expect(await refusal({ files: series, format: 'html', destination: join(dir, 'wrong.json') })).toBe('INVALID_ARGUMENT');
    expect(await refusal({ files: series, format: 'html', destination: 'relative.html' })).toBe('INVALID_ARGUMENT');
    expect(await refusal({ format: 'md', destination: join(dir, 'none.md') })).toBe('INVALID_ARGUMENT');
  });

  it('exportReport uses the snapshots the app has open instead of opening them again, and leaves them open', async () => {
    const ids = await openAll(series);
    const opened: string[] = [];
    const stop = door.api.on('snapshotLoadProgress', (progress) => opened.push(progress.path));
    try {
      await door.api.call('exportReport', { files: series, format: 'md', destination: join(dir, 'reused.md') });
    } finally {
      stop();
    }
    expect(opened).toEqual([]);
    expect(await readFile(join(dir, 'reused.md'), 'utf8')).toMatch(/grew in every snapshot/);
    for (const snapshotId of ids) expect(await door.api.call('closeSnapshot', { snapshotId })).toEqual({ closed: true });
  });

  it('usage errors: no -o, an unknown format; a folder that is not a session is not found', async () => {
    expect((await cli(['report', series[0]!], door.root)).code).toBe(2);
    expect((await cli(['report', series[0]!, '--format', 'pdf', '-o', join(dir, 'x.pdf')], door.root)).code).toBe(2);
    const notASession = await cli(['report', dir, '-o', join(dir, 'x.html')], door.root);
    expect(notASession.code).toBe(3);
    expect(notASession.err).toMatch(/is not a session folder/);
  });
});
