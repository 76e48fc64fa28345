/**
 * Regenerates the committed report fixtures in test/fixtures/reports/:
 *   npx tsx tools/report-fixtures/generate.ts
 * Variants of the three real samples (HTML, DOCX, PDF, text styles), a report with text
 * hazards, reports with planted errors, a two-year chain, and damaged or foreign files.
 * Output is deterministic except for the PDF/DOCX creation timestamps inside the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { hazardText } from './hazards.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';
import { renderText } from './render-text.ts';
import { chain, LUOJIANG, PINGTAN, PLANTED, planted, SHUYANG } from './samples.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/reports');

function write(name: string, data: string | Buffer): void {
  const path = join(OUT, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`${name}\t${Buffer.byteLength(data)} bytes`);
}

/** Deterministic bytes for the junk file (xorshift). */
function junk(n: number): Buffer {
  let x = 0x2545f491;
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** A PDF with no text layer, as a scanned report is. */
function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 0; i < 20; i++) doc.rect(50, 50 + i * 30, 400, 20).stroke();
  doc.end();
  return done;
}

const samples = { luojiang: LUOJIANG, pingtan: PINGTAN, shuyang: SHUYANG };
for (const [name, p] of Object.entries(samples)) {
  write(`variants/${name}.html`, renderHtml(p));
  write(`variants/${name}.docx`, await renderDocx(p));
  write(`variants/${name}.pdf`, await renderPdf(p));
}
write('variants/luojiang.md', renderText(LUOJIANG, 'markdown'));
write('variants/luojiang-pipe.txt', renderText(LUOJIANG, 'pipe'));
write('variants/luojiang-space.txt', renderText(LUOJIANG, 'space'));
write('variants/shuyang-tab.txt', renderText(SHUYANG, 'tab'));
write('hazards/hazards.txt', hazardText());

for (const p of PLANTED) write(`planted/${p.name}.txt`, renderText({ report: planted(p.name) }, 'tab'));
const [y2021, y2022] = chain();
write('chain/2021.txt', renderText({ report: y2021! }, 'tab'));
write('chain/2022.html', renderHtml({ report: y2022! }));

const luojiangPdf = await renderPdf(LUOJIANG);
const luojiangDocx = await renderDocx(LUOJIANG);
write('bad/junk.bin', junk(4096));
write('bad/empty.txt', '');
write('bad/truncated.pdf', luojiangPdf.subarray(0, Math.floor(luojiangPdf.length * 0.4)));
write('bad/truncated.docx', luojiangDocx.subarray(0, Math.floor(luojiangDocx.length * 0.5)));
write('bad/scanned.pdf', await scannedPdf());
write(
  'bad/image.png',
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), junk(64)]),
);
write(
  'bad/notice.txt',
  '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知\n各单位：\n请于2025年1月31日前在政府信息公开专栏发布本单位年度报告，并报送区政府办公室。\n特此通知。\n区政府办公室\n2025年1月6日\n',
);
write(
  'bad/pre2019.txt',
  '某某县人民政府2017年政府信息公开工作年度报告\n政府信息公开情况统计表\n指标名称\t单位\t统计数\n一、主动公开情况\n（一）主动公开政府信息数\t条\t120\n二、依申请公开情况\n（一）受理依申请公开信息总数\t件\t5\n六、政府信息公开的收费及减免情况\n（一）收取费用\t万元\t0\n',
);
