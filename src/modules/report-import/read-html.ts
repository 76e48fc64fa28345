/**
 * HTML reports (the usual published web page, and DOCX converted by mammoth): table rows
 * become lines of cells, other block elements lines of text.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isPageMark, type DocLine, type SourceDocument } from './document.ts';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'blockquote',
  'pre',
  'hr',
  'dd',
  'dt',
  'dl',
  'form',
  'main',
  'nav',
  'aside',
  'caption',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'iframe',
  'object',
  'select',
  'option',
  'button',
]);

/** Text of a cell: inner blocks (「商业」<p>「企业」) join without a gap, whitespace collapses. */
function cellText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if (n.type === 'tag') {
      const el = n as Element;
      if (SKIP.has(el.name)) return;
      if (el.name === 'br') parts.push('\n');
      for (const c of el.children) walk(c);
    }
  };
  walk(node);
  // Cell text is laid out in a narrow column: a line break there is layout, not a word gap.
  return parts
    .join('')
    .replace(/[\s\u00a0\u3000]*\n[\s\u00a0\u3000]*/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Deeper nesting than this is no web page but an attack on the HTML parser (its time grows fast with depth). */
export const MAX_HTML_DEPTH = 2000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Elements that real pages often leave unclosed; counting them would flag sloppy but harmless pages.
const OFTEN_UNCLOSED = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'tbody', 'thead', 'colgroup']);

/** The deepest element nesting, counted from the tags alone in one pass (before parsing). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || OFTEN_UNCLOSED.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** Reads an HTML page into lines of cells. */
export function readHtml(html: string): SourceDocument {
  if (nestingDepth(html) > MAX_HTML_DEPTH)
    throw new Error(`网页元素嵌套超过${MAX_HTML_DEPTH}层，不是正常的网页，已拒绝读取。`);
  const $ = cheerio.load(html);
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  const lines: DocLine[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    buffer = '';
    if (text && !isPageMark(text)) lines.push({ cells: text.split(' '), structured: false });
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      buffer += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    if (SKIP.has(el.name)) return;
    if (el.name === 'tr') {
      flush();
      const cells = el.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
      if (cells.some((c) => $(c).find('table').length > 0)) {
        // A layout table holding the report: read what is inside instead.
        for (const c of el.children) walk(c);
        return;
      }
      lines.push({ cells: cells.map(cellText), structured: true });
      return;
    }
    const block = BLOCK.has(el.name);
    if (block) flush();
    for (const c of el.children ?? []) walk(c);
    if (block) flush();
  };
  const body = $('body').get(0) ?? $.root().get(0);
  if (body) walk(body);
  flush();
  return title ? { lines, title } : { lines };
}
