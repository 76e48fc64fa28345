/** HTML rendering of a report: a web page with the official merged table headers. */
import { blocks, type Printable } from './printable.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderHtml(p: Printable): string {
  const body: string[] = [];
  for (const b of blocks(p)) {
    if (b.kind === 'title') body.push(`<h1>${esc(b.text)}</h1>`);
    else if (b.kind === 'heading') body.push(`<h2>${esc(b.text)}</h2>`);
    else if (b.kind === 'paragraph') body.push(`<p>${esc(b.text)}</p>`);
    else {
      const rows = b.grid.rows.map((row) => {
        const cells = row.map(
          (c) =>
            `<td${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}>${esc(c.text) || '&nbsp;'}</td>`,
        );
        return `<tr>${cells.join('')}</tr>`;
      });
      body.push(`<table border="1">\n${rows.join('\n')}\n</table>`);
    }
  }
  const title = blocks(p)[0]?.kind === 'title' ? (blocks(p)[0] as { text: string }).text : '';
  return `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
