/**
 * Text renderings of a report, as text copied out of PDFs and web pages comes: tab-separated
 * cells (merged cells leave empty cells), markdown tables, " | " separated cells, cells
 * separated by spaces, and crawler text where everything runs together.
 */
import { expand } from './grid.ts';
import { blocks, type Printable } from './printable.ts';

export type TextStyle = 'tab' | 'markdown' | 'pipe' | 'space' | 'crawler';

function tableLines(matrix: string[][], style: TextStyle): string[] {
  switch (style) {
    case 'tab':
      return matrix.map((row) => row.join('\t'));
    case 'pipe':
      return matrix.map((row) => row.join(' | '));
    case 'markdown':
      return matrix.flatMap((row, i) => {
        const line = `| ${row.join(' | ')} |`;
        return i === 0 ? [line, `|${row.map(() => ' --- ').join('|')}|`] : [line];
      });
    case 'space':
      // Blank cells vanish in this style: use it only for reports without blanks.
      return matrix.map((row) => row.filter((c) => c !== '').join(' '));
    case 'crawler':
      return [matrix.map((row) => row.join('')).join('')];
  }
}

/** The report as text in one of the styles. */
export function renderText(p: Printable, style: TextStyle): string {
  const lines: string[] = [];
  for (const b of blocks(p)) {
    if (b.kind === 'table') lines.push(...tableLines(expand(b.grid), style));
    else lines.push(b.text);
  }
  return `${lines.join(style === 'crawler' ? '' : '\n')}\n`;
}
