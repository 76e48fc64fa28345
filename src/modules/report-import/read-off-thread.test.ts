/**
 * Parsing off the event loop (issue 16): the upload path reads each file in a worker thread,
 * with the same result as the CLI's reader, while the main thread stays responsive; a long PDF
 * that is not a report is recognised on its first pages and not read to its end.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { CJK_FONT } from '../../../tools/report-fixtures/render-pdf.ts';
import { readReportBytes } from './read-file.ts';
import { readReportBytesOffThread, stopReaderThread } from './read-off-thread.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/reports');

afterAll(() => stopReaderThread());

/** A long PDF about something else (a 200-page statistical yearbook, say). */
function longPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    for (let l = 0; l < 30; l++) doc.fontSize(10).text(`第${p + 1}章 统计资料 表${l} 地区生产总值 ${p * 100 + l}`);
  }
  doc.end();
  return done;
}

describe('reading off the event loop', () => {
  it('gives the same result as the reader in this thread, for text, HTML, DOCX and PDF', async () => {
    for (const f of [
      'samples/2021-pingtan-zhsyq.txt',
      'variants/shuyang.html',
      'variants/luojiang.docx',
      'variants/luojiang.pdf',
    ]) {
      const data = readFileSync(`${FIXTURES}/${f}`);
      expect(await readReportBytesOffThread(data, f)).toEqual(await readReportBytes(data, f));
    }
  });

  it('keeps the event loop free while a large file is read', async () => {
    // Copies of the crawler text of 平潭 2021: enough work for the table solver that the main thread
    // would visibly stall if the reading ran on it. The size doubles until one read takes long enough
    // to be a fair test on a fast machine (a faster machine is not a failure of the code under test).
    const text = readFileSync(`${FIXTURES}/samples/2021-pingtan-zhsyq.txt`, 'utf8');
    await readReportBytesOffThread(Buffer.from('预热'), 'warm.txt');
    for (let copies = 200; ; copies *= 2) {
      const big = Buffer.from(text.repeat(copies));
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const ticks: number[] = [];
      const timer = setInterval(() => ticks.push(Date.now()), 20);
      const started = Date.now();
      const res = await readReportBytesOffThread(big, 'big.txt');
      const took = Date.now() - started;
      clearInterval(timer);
      delay.disable();
      expect(res.report?.year).toBe(2021);
      if (took < 200 && copies < 3200) continue;
      expect(delay.max / 1e6).toBeLessThan(150);
      expect(ticks.length).toBeGreaterThan(took / 20 / 3);
      break;
    }
  });

  it('stops a long PDF that is not a report after its first pages', async () => {
    const pdf = await longPdf(200);
    const started = Date.now();
    const res = await readReportBytes(pdf, 'yearbook.pdf');
    expect(res.error).toBe(
      '文件不是政府信息公开工作年度报告：PDF 前3页中没有年度报告的内容（全文共200页），已停止读取。',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await readReportBytesOffThread(pdf, 'yearbook.pdf')).error).toBe(res.error);
  });
});
