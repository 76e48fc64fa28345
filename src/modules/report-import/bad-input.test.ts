/** Bad input gives a clear Chinese error for that file: never an exception, never a hang. */
import { mkdtemp, rm, truncate, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { rowReadings } from './digits.ts';
import { importFiles } from './import-batch.ts';
import { zipUnpackedSize } from './read-docx.ts';
import { MAX_REPORT_BYTES, readReportBytes, readReportFile } from './read-file.ts';
import { tokenize, type NumberToken } from './tokens.ts';

const BAD = resolve(import.meta.dirname, '../../../test/fixtures/reports/bad');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('files that are not reports', () => {
  it.each([
    ['empty.txt', '文件为空。'],
    ['junk.bin', '文件内容是二进制数据，不是文本，也不是可识别的文档格式。'],
    ['image.png', '文件是 image/png（.png），不是 HTML、DOCX、PDF 或文本格式的年度报告。'],
    ['truncated.docx', '文件是 ZIP 压缩包，但不是完整的 DOCX 文档（可能已损坏），无法读取。'],
    ['scanned.pdf', 'PDF 中没有文字层（可能是扫描件），无法读取。'],
    ['notice.txt', '文件提到年度报告，但其中没有政府信息公开工作年度报告的统计表格（表二至表四），无法读取。'],
    [
      'pre2019.txt',
      '这是2019年以前格式的年度报告（旧版《政府信息公开情况统计表》），不适用国办公开办函〔2019〕60号以来的统一格式，无法按年报表格读取。',
    ],
  ])('%s', async (file, error) => {
    const res = await readReportFile(join(BAD, file));
    expect(res).toEqual({ report: null, findings: [], error, unreadable: [] });
  });

  it('a truncated PDF', async () => {
    const res = await readReportFile(join(BAD, 'truncated.pdf'));
    expect(res.report).toBeNull();
    expect(res.error).toMatch(/^PDF 文件已损坏或格式无效，无法读取/);
  });

  it('an oversized file is refused before it is read', async () => {
    const big = join(dir, 'big.html');
    await writeFile(big, '');
    await truncate(big, MAX_REPORT_BYTES + 1);
    const res = await readReportFile(big);
    expect(res.error).toBe('文件过大（20.0 MB），超过年报导入的上限 20 MB。');
    expect((await readReportBytes(Buffer.from('<p>一</p>'), 'x.html', { maxBytes: 4 })).error).toMatch(/^文件过大/);
  });

  it('a missing file, a directory and a file without permission', async () => {
    expect((await readReportFile(join(dir, 'nope.txt'))).error).toBe('文件不存在。');
    expect((await readReportFile(dir)).error).toBe('不是普通文件。');
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.txt');
      await writeFile(locked, 'x');
      await chmod(locked, 0);
      expect((await readReportFile(locked)).error).toBe('没有读取该文件的权限。');
    }
  });

  it('a PDF that takes too long is stopped by the time limit', async () => {
    const res = await readReportFile(resolve(BAD, '../variants/luojiang.pdf'), { pdf: { timeoutMs: 1, maxPages: 50 } });
    expect(res.error).toBe('PDF 解析超时（超过0.001秒），已放弃。');
  });

  it('a text with no year in it', async () => {
    const res = await readReportBytes(
      Buffer.from('第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n'),
      'x.txt',
    );
    expect(res.error).toBe(
      '无法确定报告所属年度：标题、统计期限、发布日期、落款日期和文件名中都没有找到年度。请指定年度后重新导入（命令行 --year 2019，控制台上传时填写“年度”）。',
    );
  });

  it('a zip bomb posing as a DOCX is refused before it is unpacked', async () => {
    const docx = await readFile(resolve(BAD, '../variants/luojiang.docx'));
    expect(zipUnpackedSize(docx)).toBeGreaterThan(docx.length);
    const bomb = Buffer.from(docx);
    // Claim 2 GiB for the first entry of the central directory.
    const cd = bomb.readUInt32LE(bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    bomb.writeUInt32LE(0x7fffffff, cd + 24);
    expect((await readReportBytes(bomb, 'bomb.docx')).error).toMatch(/^DOCX 解压后过大（2\d{3} MB），超过上限 200 MB/);
  });

  it('deeply nested HTML is refused quickly instead of stalling the parser', async () => {
    const started = Date.now();
    const res = await readReportBytes(
      Buffer.from(`<html><body>${'<b><i>'.repeat(50_000)}2020年度报告</body></html>`),
      'deep.html',
    );
    expect(res.error).toBe('网页元素嵌套超过2000层，不是正常的网页，已拒绝读取。');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a digit run with too many readings gives up within a bounded search', () => {
    const tokens = tokenize({ lines: [{ cells: [`${'1'.repeat(60)}00000`, '12'], structured: false }] })
      .tokens as NumberToken[];
    const started = Date.now();
    expect(
      rowReadings(
        tokens.map((token) => ({ kind: 'num', token })),
        7,
      ),
    ).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('GB18030 text is decoded', async () => {
    const gbk = Buffer.from('c4b3bed632303232c4eab6c8d5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6', 'hex');
    const res = await readReportBytes(gbk, 'gbk.txt');
    expect(res.error).toBe('文件提到年度报告，但其中没有政府信息公开工作年度报告的统计表格（表二至表四），无法读取。');
  });
});

describe('a batch with unreadable files', () => {
  it('reports each of them and goes on', async () => {
    const entries = await importFiles([BAD, resolve(BAD, '../variants/luojiang.html')]);
    expect(entries).toHaveLength(9);
    expect(entries.filter((e) => e.error === null).map((e) => e.file)).toEqual([
      resolve(BAD, '../variants/luojiang.html'),
    ]);
    expect(entries.every((e) => (e.error === null) === (e.report !== null))).toBe(true);
  });
});
