/** Export structure: fonts named in the DOCX XML, merged cells everywhere, CJK font embedded in the PDF, XLSX merges, HTML spans. */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { luojiang2020 } from '../../../domain/report/figures.fixtures.ts';
import { assembleReport, draftNarrative, type AnnualReport } from '../../../domain/report/index.ts';
import { pdfPageTexts } from '../../../../test/support/pdf.ts';
import { exportReport, reportTables } from './index.ts';

function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(
      buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      (buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : raw).toString('utf8'),
    );
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const GXJ = {
  name: '泉州市洛江区工业和信息化局',
  shortName: '洛江区工信局',
  level: 'department' as const,
  phone: '0595-22630152',
};

function sample(): { report: AnnualReport; preamble: string } {
  const f = luojiang2020();
  const r = assembleReport({ agency: { name: GXJ.name }, year: 2020, figures: f, date: '2021-01-06' });
  const d = draftNarrative(r, { agency: GXJ, published: f.catalog.published });
  return {
    report: { ...r, sections: { overview: d.overview, problems: d.problems, other: d.other } },
    preamble: d.preamble,
  };
}

describe('report exports', () => {
  it('builds the tables from the layout data: 23 numbered rows of table 三 in V2019, its 3×3 note cell, 15 cells of table 四', () => {
    const [t2, t3, t4] = reportTables(sample().report);
    expect(t2?.rows.filter((r) => r.length === 1)).toHaveLength(5);
    expect(t3?.rows).toHaveLength(23);
    expect(t3?.head[0]?.[0]).toMatchObject({
      rowSpan: 3,
      colSpan: 3,
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    });
    expect(t3?.rows[2]?.[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 20 });
    expect(t4?.rows[0]).toHaveLength(15);
  });

  it('DOCX names 方正小标宋简体 for the title and 仿宋_GB2312 for the body, merges cells and prints the date as 2021年1月6日', async () => {
    const file = await exportReport(sample(), 'docx');
    expect(file.fileName).toBe('泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告.docx');
    const xml = unzip(file.data).get('word/document.xml') ?? '';
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toContain('2021年1月6日');
    expect(xml).toContain('主动公开政府信息数16条');
    for (const h of [
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ])
      expect(xml).toContain(h);
  });

  it('PDF embeds a Noto CJK font', async () => {
    const file = await exportReport(sample(), 'pdf');
    const raw = file.data.toString('latin1');
    expect(raw.startsWith('%PDF')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toContain('/FontFile3');
  });

  it('XLSX has the three tables with merged headers and numbers as numbers', async () => {
    const file = await exportReport(sample(), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告信息', '二、主动公开', '三、依申请公开', '四、复议诉讼']);
    const t3 = wb.getWorksheet('三、依申请公开')!;
    const merges = (t3.model as { merges: string[] }).merges;
    expect(merges).toContain('A2:C4');
    expect(merges).toContain('D2:J2');
    expect(t3.getCell('A2').value).toContain('勾稽关系');
    expect(t3.getCell('J5').value).toBe(0);
    const t2 = wb.getWorksheet('二、主动公开')!;
    expect(t2.getCell('B5').value).toBe(1);
    expect((t2.model as { merges: string[] }).merges).toContain('A2:D2');
  });

  it('HTML keeps the merged cells as rowspan/colspan and escapes text; JSON is the report itself', async () => {
    const s = sample();
    s.report.sections!.other = '<script>alert(1)</script>';
    const page = (await exportReport(s, 'html')).data.toString('utf8');
    expect(page).toContain('<th rowspan="3" colspan="3"');
    expect(page).toContain('<td rowspan="20" class="label">三、本年度办理结果</td>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('2021年1月6日');
    expect(JSON.parse((await exportReport(s, 'json')).data.toString('utf8'))).toEqual(s.report);
  });
});

describe('draft exports', () => {
  it('carry the 落款 (agency and today) and the 草稿 mark in DOCX, PDF and HTML when the report has no date yet', async () => {
    const s = sample();
    const input = {
      report: { ...s.report, date: null },
      preamble: s.preamble,
      draft: { date: '2026-12-07', mark: '草稿　截至12月7日，未到发布时间' },
    };
    const xml = unzip((await exportReport(input, 'docx')).data).get('word/document.xml') ?? '';
    expect(xml).toContain('（草稿　截至12月7日，未到发布时间）');
    expect(xml).toContain('2026年12月7日');
    const pages = await pdfPageTexts((await exportReport(input, 'pdf')).data);
    expect(pages[0]?.replace(/\s+/g, '')).toContain('（草稿截至12月7日，未到发布时间）');
    // The 落款 shares its page with the end of the text, as in the letters (keep-together.test.ts).
    const last = pages.at(-1)!.replace(/\s+/g, '');
    expect(last).toContain('泉州市洛江区工业和信息化局2026年12月7日');
    expect(last).not.toMatch(/^泉州市洛江区工业和信息化局2026年12月7日$/);
    const page = (await exportReport(input, 'html')).data.toString('utf8');
    expect(page).toContain('<p class="draft-mark">（草稿　截至12月7日，未到发布时间）</p>');
    expect(page).toContain('<p class="signature">泉州市洛江区工业和信息化局<br>2026年12月7日</p>');
    // A draft with a 成文日期 is signed with it.
    const dated = (await exportReport({ ...input, report: s.report }, 'html')).data.toString('utf8');
    expect(dated).toContain('<br>2021年1月6日</p>');
  }, 60_000);

  it('keeps sub-table titles with their rows when the HTML is printed', async () => {
    const page = (await exportReport(sample(), 'html')).data.toString('utf8');
    expect(page.match(/<tr class="subtable-title">/g)).toHaveLength(5);
    expect(page).toContain('<tr class="subtable-title"><th colspan="4" scope="colgroup">第二十条第（一）项</th></tr>');
    expect(page).toMatch(/@media print\{[^}]*tr\.subtable-title\{break-after:avoid/);
  });
});

describe('report exports in V2021', () => {
  it('print （六） as a group of three rows (21 rows under 三、本年度办理结果)', () => {
    const f = luojiang2020();
    const r = assembleReport({ agency: { name: GXJ.name }, year: 2025, figures: f });
    const [, t3] = reportTables(r);
    expect(t3?.rows).toHaveLength(25);
    expect(t3?.rows[2]?.[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
  });
});
