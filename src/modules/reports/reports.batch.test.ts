/**
 * `gongkai report batch` on the demo platform, SQLite and PostgreSQL: every agency under
 * 洛江区 gets its report in each format, identical to the one-report path; a failing agency is
 * listed and the others are still written; --published skips the unpublished; shards split the
 * subtree without overlap.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { runCli } from '../../../test/support/cli.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';
import { pdfText } from '../../../test/support/pdf.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { cliReport } from './reports.cli.ts';
import { batchReports } from './reports.batch.ts';
import { moduleFigureSources } from './figure-sources.ts';
import * as agencies from '../agencies/agencies.repository.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

describeEachDialect('gongkai report batch', (dialect) => {
  let t: TestDb;
  let dir: string;
  const clock = new TestClock('2026-11-27T02:00:00Z');
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };
  let under: readonly string[];
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 12, password: () => 'Demo-Password-2026' });
    dir = mkdtempSync(join(tmpdir(), 'gk-batch-'));
    process.env.GONGKAI_DATABASE_URL = t.url;
    process.env.GONGKAI_DATA_DIR = dir;
    const root = (await agencies.findByCodeOrName(t.db, 'luojiang'))!;
    under = await agencies.subtreeIds(t.db, [root.id]);
  });
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.GONGKAI_DATABASE_URL;
    else process.env.GONGKAI_DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    rmSync(dir, { recursive: true, force: true });
    await t.destroy();
  });

  it('writes every report of the subtree in each format, the same as one report at a time', async () => {
    const out = join(dir, 'live');
    const r = await runCli([
      'report',
      'batch',
      '--under',
      'luojiang',
      '--year',
      '2020',
      '--format',
      'json,pdf',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { agencies: number; written: number; failed: number; files: number };
    expect(summary.agencies).toBe(under.length);
    expect(summary.written).toBe(under.length);
    expect(summary.failed).toBe(0);
    expect(summary.files).toBe(under.length * 2);
    expect(r.stderr).toContain(`已处理 ${under.length}/${under.length}`);
    const files = readdirSync(out);
    expect(files).toContain('luojiang-gxj-2020.json');
    expect(files).toContain('luojiang-gxj-2020.pdf');
    expect(files).toContain('summary.json');
    const single = await cliReport(t.db, clock, {
      agency: 'luojiang-gxj',
      year: 2020,
      format: 'json',
      published: false,
    });
    expect(readFileSync(join(out, 'luojiang-gxj-2020.json'), 'utf8')).toBe(single.data.toString('utf8'));
    expect(await pdfText(readFileSync(join(out, 'luojiang-gxj-2020.pdf')))).toContain('2020年政府信息公开工作年度报告');
  });

  it('lists a failing agency with its error and writes the others', async () => {
    const gxj = (await agencies.findByCodeOrName(t.db, 'luojiang-gxj'))!;
    const failing = {
      ...moduleFigureSources,
      cases: async (db: Parameters<typeof moduleFigureSources.cases>[0], ids: readonly string[], year: number) => {
        if (ids.includes(gxj.id)) throw new Error('案件登记表无法读取');
        return moduleFigureSources.cases(db, ids, year);
      },
    };
    const out = join(dir, 'failing');
    const progress: string[] = [];
    const summary = await batchReports(
      t.db,
      clock,
      {
        under: 'luojiang',
        year: 2020,
        formats: ['docx'],
        published: false,
        outDir: out,
        concurrency: 3,
        onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.agency.code} ${p.outcome}`),
      },
      failing,
    );
    expect(summary.failed).toBe(1);
    expect(summary.written).toBe(under.length - 1);
    expect(summary.results.find((x) => x.code === 'luojiang-gxj')).toMatchObject({
      outcome: 'failed',
      message: '案件登记表无法读取',
    });
    expect(progress).toHaveLength(under.length);
    expect(progress.at(-1)).toMatch(new RegExp(`^${under.length}/${under.length} `));
    expect(readdirSync(out)).not.toContain('luojiang-gxj-2020.docx');
    expect(readdirSync(out)).toContain('luojiang-czj-2020.docx');
    const onDisk = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { failed: number };
    expect(onDisk.failed).toBe(1);
  });

  it('--published skips agencies without a published report; shards split the subtree', async () => {
    const out = join(dir, 'published');
    const r = await runCli(['report', 'batch', '--under', 'luojiang', '--year', '2020', '--published', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { written: number; skipped: number };
    expect(s.written + s.skipped).toBe(under.length);
    expect(s.skipped).toBeGreaterThan(0);

    for (const i of [1, 2]) {
      const part = await runCli([
        'report',
        'batch',
        '--under',
        'luojiang',
        '--year',
        '2020',
        '--format',
        'json',
        '--shard',
        `${i}/2`,
        '--out',
        join(dir, 'shards'),
      ]);
      expect(part.code, part.stderr).toBe(0);
    }
    const files = readdirSync(join(dir, 'shards'));
    expect(files.filter((f) => f.endsWith('-2020.json'))).toHaveLength(under.length);
    expect(files).toContain('summary-1-of-2.json');
    expect(files).toContain('summary-2-of-2.json');

    expect(
      (await runCli(['report', 'batch', '--under', 'luojiang', '--year', '2020', '--shard', '3/2', '--out', out])).code,
    ).toBe(2);
    expect((await runCli(['report', 'batch', '--under', 'nowhere', '--year', '2020', '--out', out])).code).toBe(3);
  });
});
