/**
 * The body editor and the server's sanitizer agree: every node and mark the editor can write
 * survives sanitize.ts unchanged in meaning (the sanitized HTML loads back into the editor as
 * the same document), and the one style the allow-list gained — text alignment — cannot carry
 * anything else. Runs the editor's real extensions under Node (@tiptap/html with happy-dom).
 */
import { generateHTML, generateJSON } from '@tiptap/html';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../../../../modules/catalog/sanitize.ts';
import { richTextExtensions } from './richText.ts';

const text = (t: string, marks: JSONContent['marks'] = []): JSONContent => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks } : {}),
});
const para = (content: JSONContent[], textAlign: string | null = null): JSONContent => ({
  type: 'paragraph',
  attrs: { textAlign },
  content,
});
const cell = (type: 'tableHeader' | 'tableCell', t: string, colspan = 1): JSONContent => ({
  type,
  attrs: { colspan, rowspan: 1, colwidth: null, align: null },
  content: [para([text(t)])],
});

/** A document with every node and mark the editor offers. */
const EVERYTHING: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2, textAlign: 'center' },
      content: [text('洛江区工业和信息化局关于印发《专项资金管理办法》的通知')],
    },
    para([text('各镇（街道）：')]),
    para(
      [
        text('现将'),
        text('《管理办法》', [{ type: 'bold' }]),
        text('印发给你们，请'),
        text('认真', [{ type: 'italic' }]),
        text('遵照'),
        text('执行', [{ type: 'underline' }]),
        text('。'),
      ],
      'justify',
    ),
    { type: 'heading', attrs: { level: 3, textAlign: null }, content: [text('一、适用范围')] },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [
        { type: 'listItem', content: [para([text('第三条')])] },
        { type: 'listItem', content: [para([text('第四条')])] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            para([text('工业企业')]),
            { type: 'bulletList', content: [{ type: 'listItem', content: [para([text('规模以上')])] }] },
          ],
        },
      ],
    },
    { type: 'heading', attrs: { level: 4, textAlign: null }, content: [text('（一）')] },
    { type: 'blockquote', content: [para([text('引用条文')])] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', '项目'), cell('tableHeader', '金额（万元）')] },
        { type: 'tableRow', content: [cell('tableCell', '合计', 2)] },
      ],
    },
    para([
      text('详见'),
      text('中国政府网', [
        {
          type: 'link',
          attrs: { href: 'https://www.gov.cn/', target: null, rel: 'noopener noreferrer', class: null, title: null },
        },
      ]),
      text('或来信'),
      text('gxj@example.gov.cn', [
        {
          type: 'link',
          attrs: {
            href: 'mailto:gxj@example.gov.cn',
            target: null,
            rel: 'noopener noreferrer',
            class: null,
            title: null,
          },
        },
      ]),
      { type: 'hardBreak' },
      text('第二行'),
    ]),
    { type: 'horizontalRule' },
    para([text('洛江区工业和信息化局')], 'right'),
    para([text('2026年3月2日')], 'right'),
  ],
};

describe('the body editor against the sanitizer', () => {
  const extensions = richTextExtensions();
  const written = generateHTML(EVERYTHING, extensions);
  const kept = sanitizeBody(written);

  it('the sanitized HTML loads back as the same document: nothing the editor writes is lost', () => {
    expect(generateJSON(kept, extensions)).toEqual(generateJSON(written, extensions));
    expect(generateJSON(kept, extensions)).toEqual(EVERYTHING);
  });

  it('keeps alignment, list numbering, spans and safe links; drops only the editor’s layout hints', () => {
    expect(kept).toContain('<h2 style="text-align:center">');
    expect(kept).toContain('<p style="text-align:right">洛江区工业和信息化局</p>');
    expect(kept).toContain('<ol start="3">');
    expect(kept).toContain('<td colspan="2"><p>合计</p></td>');
    expect(kept).toContain('<a rel="noopener noreferrer" href="https://www.gov.cn/">中国政府网</a>');
    expect(kept).toContain('<strong>《管理办法》</strong>');
    expect(written).toMatch(/<colgroup>|style="min-width/);
    expect(kept).not.toMatch(/<colgroup|<col\b|min-width/);
  });

  it('the style allow-list keeps only the four alignments', () => {
    expect(sanitizeBody('<p style="text-align:center;background:url(javascript:alert(1))">x</p>')).toBe(
      '<p style="text-align:center">x</p>',
    );
    expect(sanitizeBody('<p style="text-align:expression(alert(1))">x</p>')).toBe('<p>x</p>');
    expect(sanitizeBody('<p style="color:red;position:fixed">x</p>')).toBe('<p>x</p>');
    expect(sanitizeBody('<td style="text-align:center">x</td><ol start="2" onclick="x()"><li>y</li></ol>')).toBe(
      '<td>x</td><ol start="2"><li>y</li></ol>',
    );
  });

  it('the editor refuses javascript: and data: links before the sanitizer has to', () => {
    const html = generateHTML(
      { type: 'doc', content: [para([text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])])] },
      extensions,
    );
    expect(
      generateJSON('<p><a href="javascript:alert(1)">x</a><a href="data:text/html,x">y</a></p>', extensions),
    ).toEqual({ type: 'doc', content: [para([text('xy')])] });
    expect(sanitizeBody(html)).not.toMatch(/javascript:/);
  });
});
