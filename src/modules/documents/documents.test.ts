import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import type { OfficialDocument } from './document.ts';
import { chineseNumeral, documentFileName, headingTexts, layoutTable, renderDocument } from './index.ts';
import { findPdfFonts } from './pdf-fonts.ts';
import { SAMPLE_DOCUMENT } from './sample-document.ts';

/** The entries of a zip (DOCX) file by name, read from its central directory. */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text };
}

const LETTER: OfficialDocument = {
  title: '政府信息公开申请答复书',
  subtitle: '洛工信依申〔2025〕12号',
  recipient: '张三：',
  body: [{ kind: 'paragraph', text: '本机关于2025年3月3日收到您提出的政府信息公开申请。' }],
  signature: { agency: '泉州市洛江区工业和信息化局', date: '2025-03-20' },
};

describe('document model helpers', () => {
  it('numbers headings 一、（一）1.（1） and restarts the lower levels', () => {
    expect([1, 9, 10, 11, 20, 35].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '三十五']);
    const body: OfficialDocument['body'] = [
      { kind: 'heading', level: 1, text: '总体情况' },
      { kind: 'heading', level: 2, text: '主动公开' },
      { kind: 'heading', level: 2, text: '依申请公开' },
      { kind: 'heading', level: 3, text: '受理' },
      { kind: 'heading', level: 4, text: '网上' },
      { kind: 'heading', level: 1, text: '存在的问题' },
      { kind: 'heading', level: 2, text: '问题', numbered: false },
      { kind: 'heading', level: 2, text: '改进' },
    ];
    expect([...headingTexts(body).values()]).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1.受理',
      '（1）网上',
      '二、存在的问题',
      '问题',
      '（一）改进',
    ]);
  });

  it('places merged cells on a grid and rejects crooked tables in Chinese', () => {
    const grid = layoutTable(
      [
        [
          { text: 'A', rowSpan: 2 },
          { text: 'B', colSpan: 2 },
        ],
        ['b1', 'b2'],
      ],
      [['1', '2', '3']],
    );
    expect(grid.columns).toBe(3);
    expect(grid.cells.map((c) => [c.text, c.row, c.col])).toEqual([
      ['A', 0, 0],
      ['B', 0, 1],
      ['b1', 1, 1],
      ['b2', 1, 2],
      ['1', 2, 0],
      ['2', 2, 1],
      ['3', 2, 2],
    ]);
    expect(() => layoutTable([['a', 'b']], [['1']])).toThrow(/第2行的列数与第1行（2列）不一致/);
    expect(() => layoutTable([], [[{ text: 'x', rowSpan: 3 }]])).toThrow(/向下合并超出了表格/);
    expect(() => layoutTable([[{ text: 'x', rowSpan: 2 }]], [['1']])).toThrow(/表头第1行的单元格不能向下合并到表体/);
  });

  it('refuses a document without a title and makes safe file names', async () => {
    await expect(renderDocument({ ...LETTER, title: ' ' }, 'pdf')).rejects.toThrow(DomainError);
    expect(documentFileName('答复书/第12号:张三', 'pdf')).toBe('答复书第12号张三.pdf');
  });

  it('says which package is missing when the CJK fonts are not installed', () => {
    expect(() => findPdfFonts(['/nonexistent'])).toThrow(/fonts-noto-cjk/);
  });
});

describe('DOCX rendering', () => {
  it('names the official fonts, zh-CN, A4 with the GB/T 9704 margins, merged cells and page numbers', async () => {
    const docx = await renderDocument(SAMPLE_DOCUMENT, 'docx');
    expect(docx.contentType).toContain('wordprocessingml');
    const files = unzip(docx.data);
    const body = files.get('word/document.xml')!;
    expect(body).toContain('w:eastAsia="方正小标宋简体"');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('w:eastAsia="黑体"');
    expect(body).toContain('w:eastAsia="楷体_GB2312"');
    expect(body).toMatch(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    expect(files.get('word/styles.xml')).toMatch(/w:eastAsia="zh-CN"/);
    // A4 = 11906 × 16838 twips; 37 / 35 / 28 / 26 mm.
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(body).toContain('w:gridSpan w:val="7"');
    expect(body).toContain('w:vMerge w:val="restart"');
    expect(body).toContain('<w:tblHeader/>');
    for (const text of [
      '一、总体情况',
      '（一）主动公开情况',
      '1.公开平台建设',
      '（1）专栏栏目调整',
      '2021年1月6日',
      '洛工信〔2021〕1号',
    ])
      expect(body).toContain(text);
    const fonts = files.get('word/fontTable.xml')!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="Noto Serif CJK SC"/>');
    const footers = [...files.entries()].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, xml]) => xml);
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    expect(files.get('word/settings.xml')).toContain('w:evenAndOddHeaders');
  });

  it('leaves the page numbers out when asked', async () => {
    const files = unzip((await renderDocument({ ...LETTER, pageNumbers: false }, 'docx')).data);
    expect([...files.keys()].some((n) => n.startsWith('word/footer'))).toBe(false);
    expect(files.get('word/document.xml')).toContain('张三：');
  });
});

describe('PDF rendering', () => {
  it('embeds Noto CJK, says zh-CN, and its text layer holds the Chinese text and page numbers', async () => {
    const pdf = await renderDocument(SAMPLE_DOCUMENT, 'pdf');
    const raw = pdf.data.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(raw).toContain('/FontFile3');
    expect(raw).toContain('/Lang (zh-CN)');
    const { pages, text } = await pdfText(pdf.data);
    expect(pages).toBe(3);
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      '泉州市洛江区工业和信息化局',
      '2020年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开情况',
      '本列数据的勾稽关系为',
      '法人或其他组织',
      '特此报告。',
      '2021年1月6日',
      '—1—',
      '—2—',
      '—3—',
    ]) {
      expect(flat).toContain(s);
    }
  });

  it('prints a short letter on one page with the recipient, 文号 and signature', async () => {
    const { pages, text } = await pdfText((await renderDocument(LETTER, 'pdf')).data);
    expect(pages).toBe(1);
    expect(text.replace(/\s+/g, '')).toMatch(
      /政府信息公开申请答复书洛工信依申〔2025〕12号张三：本机关于2025年3月3日.*泉州市洛江区工业和信息化局2025年3月20日—1—/,
    );
  });
});
