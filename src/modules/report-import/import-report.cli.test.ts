/** `gongkai import-report`: output shape and exit codes, through main() and one real process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { LUOJIANG_2020 } from '../../../test/fixtures/reports/expected.ts';
import { tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { SAMPLES_DIR } from '../../../test/support/samples.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = `${ROOT}/test/fixtures/reports`;
const LUOJIANG = resolve(SAMPLES_DIR, '2020-luojiang-gxj.txt');

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const lines = () =>
  out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('gongkai import-report', () => {
  it('prints exactly one JSON object for one file, and exits 0', async () => {
    expect(await main(['import-report', LUOJIANG, '--json'])).toBe(0);
    const objects = lines();
    expect(objects).toHaveLength(1);
    const [o] = objects;
    expect(Object.keys(o!)).toEqual(['file', 'report', 'findings', 'error']);
    expect(o).toMatchObject({ file: LUOJIANG, findings: [], error: null });
    expect(tablesOf(o!.report as never)).toEqual(LUOJIANG_2020);
    expect((o!.report as { schema: string }).schema).toBe('gongkai.annual-report/1');
    expect(err).toBe('');
  });

  it('prints one JSON line per file and exits 3 when a file is not a report', async () => {
    expect(
      await main(['import-report', `${FIXTURES}/variants/luojiang.html`, `${FIXTURES}/bad/notice.txt`, '--json']),
    ).toBe(3);
    const objects = lines();
    expect(objects.map((o) => [o.file, o.report === null, o.error === null])).toEqual([
      [`${FIXTURES}/variants/luojiang.html`, false, true],
      [`${FIXTURES}/bad/notice.txt`, true, false],
    ]);
    expect(objects[1]).toEqual({
      file: `${FIXTURES}/bad/notice.txt`,
      report: null,
      findings: [],
      error: expect.stringContaining('没有政府信息公开工作年度报告的统计表格'),
    });
  });

  it('walks a directory and checks the years of one agency against each other', async () => {
    expect(await main(['import-report', `${FIXTURES}/chain`, '--json'])).toBe(0);
    const objects = lines();
    expect(objects).toHaveLength(2);
    expect((objects[1]!.findings as Array<{ rule: string }>).map((f) => f.rule)).toEqual(['R5', 'R5', 'R6']);
  });

  it('prints a Chinese summary without --json', async () => {
    expect(await main(['import-report', LUOJIANG, `${FIXTURES}/planted/r4-appeals.txt`])).toBe(0);
    expect(out).toContain(
      '泉州市洛江区工业和信息化局 2020年度报告，格式 V2019（国办公开办函〔2019〕60号），落款日期 2021-01-06\n  年度：2020，依据：标题；格式：V2019，依据：表格栏目\n  未发现问题。',
    );
    expect(out).toContain('  年度：2020，依据：标题；格式：V2019，依据：表格栏目');
    expect(out).toContain(
      '[错误] 复议诉讼合计（R4）：表四「行政复议」的「总计」为2，但结果维持、结果纠正、其他结果、尚未审结之和为1。',
    );
    expect(out).toContain('共 2 个文件：读取 2 个，无法读取 0 个。');
  });

  it('takes --year and --agency for a file that does not state them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-year-'));
    const bare = join(dir, 'report.txt');
    // The sample without its title line, its first paragraph (which names the year twice) and its signature date.
    const text = readFileSync(LUOJIANG, 'utf8')
      .replace(/^.*年度报告\s*$/m, '')
      .replace(/^根据《中华人民共和国政府信息公开条例》.*$/m, '')
      .replace(/2021\s*年\s*1\s*月\s*6\s*日\s*$/, '');
    writeFileSync(bare, text);
    expect(await main(['import-report', bare, '--json'])).toBe(3);
    expect(lines()[0]!.error).toMatch(/^无法确定报告所属年度/);
    out = '';
    expect(await main(['import-report', bare, '--year', '2020', '--agency', '泉州市洛江区工业和信息化局'])).toBe(0);
    expect(out).toContain('泉州市洛江区工业和信息化局 2020年度报告');
    expect(out).toContain('年度：2020，依据：人工指定');
    expect(await main(['import-report', bare, '--year', '20x0'])).toBe(2);
    expect(err).toContain('--year 应为报告所属的四位年度');
  });

  it('exits 2 for usage errors', async () => {
    expect(await main(['import-report'])).toBe(2);
    expect(err).toContain('请指定要读取的年报文件或目录');
    expect(await main(['import-report', LUOJIANG, '--no-such-option'])).toBe(2);
  });

  it('exits 3 for a file that does not exist, after reading the others', async () => {
    expect(await main(['import-report', `${FIXTURES}/missing.txt`, LUOJIANG, '--json'])).toBe(3);
    expect(lines().map((o) => o.error)).toEqual(['文件不存在。', null]);
  });

  it('works as a real process: node bin/gongkai.mjs import-report … --json', () => {
    const run = spawnSync(process.execPath, ['bin/gongkai.mjs', 'import-report', LUOJIANG, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const o = JSON.parse(run.stdout) as { report: unknown; error: unknown };
    expect(o.error).toBeNull();
    expect(tablesOf(o.report as never)).toEqual(LUOJIANG_2020);
  });
});
