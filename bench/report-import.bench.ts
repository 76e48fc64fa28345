/**
 * Benchmark of report import (issue 7: 1,000 HTML or text reports in under 60 s with resident
 * memory under 1 GB; issue 16: PDFs under 0.5 s each). Run: `npm run bench -- report-import`
 * (or `npx tsx bench/report-import.bench.ts`).
 * Writes random consistent reports (HTML, tab text, markdown, crawler text with run-together
 * digits; then PDFs) to a temporary folder, then times `gongkai import-report DIR --json` in a
 * fresh process, the same path a user takes. Prints markdown table rows for
 * docs/benchmarks.md. A benchmark, not a test: it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ANNUAL_REPORT_SCHEMA, emptyReport, getFormat, type AnnualReport } from '../src/domain/report/index.ts';
import { importFiles } from '../src/modules/report-import/import-batch.ts';
import { renderHazard } from '../tools/report-fixtures/hazard-variants.ts';
import { renderHtml } from '../tools/report-fixtures/render-html.ts';
import { renderPdf } from '../tools/report-fixtures/render-pdf.ts';
import { renderText } from '../tools/report-fixtures/render-text.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** A deterministic pseudo-random report, consistent with R1–R4 (mulberry32). */
function randomReport(seed: number): AnnualReport {
  let s = seed >>> 0;
  const rnd = (max: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return u < 0.6 ? 0 : Math.floor(u * (max + 1));
  };
  const year = 2019 + (seed % 7);
  const format = getFormat(year <= 2020 ? 'V2019' : 'V2021');
  const r: AnnualReport = {
    ...emptyReport(format, { name: `某某市第${seed}区人民政府` }, year),
    schema: ANNUAL_REPORT_SCHEMA,
    date: `${year + 1}-01-15`,
  };
  for (const g of format.table2.groups)
    for (const row of g.rows)
      r.table2[row.key] = g.columns.map((c) => (c.kind === 'amount' ? rnd(9000) / 100 : rnd(60)));
  const leaves = format.table3.rows.filter((row) => row.outcome).map((row) => row.key);
  for (const k of leaves) r.table3[k] = [...Array.from({ length: 6 }, () => rnd(9)), 0];
  r.table3.carried_out = [...Array.from({ length: 6 }, () => rnd(2)), 0];
  r.table3.carried_in = [...Array.from({ length: 6 }, () => 0), 0];
  r.table3.total = Array.from({ length: 7 }, (_, c) => leaves.reduce((sum, k) => sum + (r.table3[k]![c] as number), 0));
  r.table3.received = Array.from(
    { length: 7 },
    (_, c) => (r.table3.total![c] as number) + (r.table3.carried_out![c] as number),
  );
  for (const row of format.table3.rows) {
    const cells = r.table3[row.key]!;
    cells[6] = cells.slice(0, 6).reduce<number>((sum, c) => sum + (c as number), 0);
  }
  for (const g of format.table4.groups) {
    const parts = Array.from({ length: 4 }, () => rnd(2));
    r.table4[g.key] = [...parts, parts.reduce((a, b) => a + b, 0)];
  }
  r.sections = {
    overview: `本年度共收到政府信息公开申请${r.table3.received![6]}件。`,
    problems: '无。',
    other: '无。',
  };
  return r;
}

/** A long PDF about something else (a statistical yearbook). */
async function yearbookPdf(pages: number): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { CJK_FONT } = await import('../tools/report-fixtures/render-pdf.ts');
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

/** Times `gongkai import-report DIR --json` in a child process; peak RSS from the child itself. */
function timeCli(dir: string): { ms: number; cpuMs: number; rssMb: number; lines: number; failed: number } {
  // CPU time of the whole process, the PDF worker thread included (threads share the process's usage).
  const script = `import { importFiles } from ${JSON.stringify(join(ROOT, 'src/modules/report-import/import-batch.ts'))};
const t = performance.now(); const c = process.cpuUsage(); const e = await importFiles([${JSON.stringify(dir)}]);
const u = process.cpuUsage(c);
process.stdout.write(JSON.stringify({ ms: performance.now() - t, cpuMs: (u.user + u.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, lines: e.length, failed: e.filter((x) => x.error).length }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { ms: number; cpuMs: number; rssMb: number; lines: number; failed: number };
}

/** The whole CLI, wall clock, for comparison (includes process start and JSON printing). */
function timeWholeCli(dir: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['bin/gongkai.mjs', 'import-report', dir, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
try {
  // Issue 16 adds the hazards of published reports: HTML flattened with 「 | 」 and span notes,
  // labels broken over lines, markdown with mismatched columns.
  const styles = [
    'html',
    'html',
    'html',
    'tab',
    'tab',
    'markdown',
    'crawler',
    'flat-html-annotated',
    'broken-labels',
    'markdown-mismatch',
  ] as const;
  for (let i = 0; i < 1000; i++) {
    const style = styles[i % styles.length]!;
    const report = randomReport(i + 1);
    const body =
      style === 'html'
        ? renderHtml({ report })
        : style === 'tab' || style === 'markdown' || style === 'crawler'
          ? renderText({ report }, style)
          : await renderHazard({ report }, style, i);
    writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.${style === 'html' ? 'html' : 'txt'}`), body);
  }
  const text = timeCli(dir);
  const whole = timeWholeCli(dir);
  const pdfDir = join(dir, 'pdf');
  spawnSync('mkdir', ['-p', pdfDir]);
  for (let i = 0; i < 50; i++)
    writeFileSync(join(pdfDir, `r${i}.pdf`), await renderPdf({ report: randomReport(5000 + i) }));
  const pdf = timeCli(pdfDir);
  // A 200-page PDF that is not a report: stopped after its first pages.
  const otherDir = join(dir, 'other');
  spawnSync('mkdir', ['-p', otherDir]);
  writeFileSync(join(otherDir, 'yearbook.pdf'), await yearbookPdf(200));
  const other = timeCli(otherDir);
  // A crawler-text report: rows whose digits run together several ways stay null (ambiguous), never a false R1–R4.
  const sample = await importFiles([join(dir, 'r0009.txt')]);
  const falseAlarms = sample[0]?.findings.filter((f) => f.severity === 'error').length;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `Machine: ${cpus().length} CPUs (${cpu}), Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} at the end.\n\n`,
  );
  process.stdout.write('| benchmark | total | per report | peak RSS | note |\n|---|---|---|---|---|\n');
  process.stdout.write(
    `| 1,000 reports: 300 HTML, 200 tab text, 100 markdown, 100 crawler text, 100 flattened HTML with span notes, 100 broken labels, 100 mismatched markdown | ${(text.ms / 1000).toFixed(1)} s | ${(text.ms / 1000).toFixed(1)} ms | ${text.rssMb.toFixed(0)} MB | importFiles in a fresh process (${text.lines} files) |\n`,
  );
  process.stdout.write(
    `| the same through \`gongkai import-report DIR --json\` | ${(whole / 1000).toFixed(1)} s | ${(whole / 1000).toFixed(1)} ms | — | wall clock, process start and JSON output included |\n`,
  );
  process.stdout.write(
    `| 50 PDF reports (pdfkit, Noto Sans CJK, 2–3 pages) | ${(pdf.ms / 1000).toFixed(1)} s wall, ${(pdf.cpuMs / 1000).toFixed(1)} s CPU | ${(pdf.ms / 50).toFixed(0)} ms wall, ${(pdf.cpuMs / 50).toFixed(0)} ms CPU | ${pdf.rssMb.toFixed(0)} MB | one PDF worker thread kept for the batch (${pdf.failed} not read); target 0.5 s per PDF |\n`,
  );
  process.stdout.write(
    `| a 200-page PDF that is not a report | ${(other.ms / 1000).toFixed(2)} s | — | ${other.rssMb.toFixed(0)} MB | recognised on its first 3 pages |\n`,
  );
  process.stdout.write(
    `\n(crawler-text sample r0009: ${sample[0]?.error ?? 'read'}, ${sample[0]?.findings.filter((f) => f.rule === 'ambiguous').length} ambiguous rows, ${falseAlarms} errors)\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
