/**
 * Page breaks never orphan the 落款 or a sub-table's title: for every body length that moves the
 * break through the end of the letter (or through the title above a table), the page that holds
 * the signature also holds text of the last paragraph, and the page that holds a table's title
 * also holds the table's header.
 */
import { describe, expect, it } from 'vitest';
import type { Block, OfficialDocument } from './document.ts';
import { renderDocument } from './index.ts';
import { pdfPageTexts } from '../../../test/support/pdf.ts';

const FILLER = '经审查，您申请获取的政府信息属于公开范围，本机关依照规定予以提供，请按所附方式获取。';
const AGENCY = '泉州市洛江区工业和信息化局';

function letter(paragraphs: number, lastLines: number): OfficialDocument {
  const body: Block[] = Array.from({ length: paragraphs }, (_, i) => ({
    kind: 'paragraph' as const,
    text: `第${i + 1}段。${FILLER}`,
  }));
  body.push({ kind: 'paragraph', text: `最后一段联系方式${'如有疑问请与本机关联系。'.repeat(lastLines)}` });
  return {
    title: '政府信息公开申请答复书',
    recipient: '张三：',
    body,
    signature: { agency: AGENCY, date: '2025-03-20' },
  };
}

describe('keeping together across page breaks (PDF)', () => {
  it('the 落款 always shares its page with the last paragraph', async () => {
    const pagesSeen = new Set<number>();
    for (let n = 14; n <= 30; n++) {
      for (const lastLines of [1, 3]) {
        const pages = await pdfPageTexts((await renderDocument(letter(n, lastLines), 'pdf')).data);
        pagesSeen.add(pages.length);
        const withSignature = pages.find((p) => p.includes(AGENCY) && p.includes('2025年3月20日'))!;
        expect(withSignature, `${n} paragraphs`).toBeDefined();
        expect(withSignature, `${n} paragraphs: the 落款 is alone on its page`).toContain('最后一段联系方式');
      }
    }
    // The range really moved the break through the end of the letter.
    expect(pagesSeen.size).toBeGreaterThan(1);
  }, 120_000);

  it("a sub-table's title always shares its page with the table's header", async () => {
    const pagesSeen = new Set<number>();
    for (let n = 12; n <= 30; n += 1) {
      const body: Block[] = Array.from({ length: n }, (_, i) => ({
        kind: 'paragraph' as const,
        text: `第${i + 1}段。${FILLER}`,
      }));
      body.push({ kind: 'heading', level: 2, text: '收到和处理政府信息公开申请情况' });
      body.push({
        kind: 'table',
        head: [[{ text: '本年新收政府信息公开申请数量' }, { text: '件数' }]],
        rows: Array.from({ length: 8 }, (_, i) => [{ text: `第${i + 1}行` }, { text: String(i) }]),
      });
      const pages = await pdfPageTexts((await renderDocument({ title: '年度报告', body }, 'pdf')).data);
      pagesSeen.add(pages.length);
      const withTitle = pages.find((p) => p.includes('收到和处理政府信息公开申请情况'))!;
      expect(withTitle, `${n} paragraphs: the title is alone at the bottom`).toContain('本年新收政府信息公开申请数量');
    }
    expect(pagesSeen.size).toBeGreaterThan(1);
  }, 120_000);
});
