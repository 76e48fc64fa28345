/**
 * Finding rows in the token stream and collecting the cells that belong to each: every
 * number between a row's label and the next row's label, with blank cells only from the
 * lines that carry numbers (other blank cells are merged label columns and padding).
 */
import type { RowCell } from './digits.ts';
import type { TokenStream } from './tokens.ts';

export interface LabelMatch {
  /** Character offsets in the label string. */
  start: number;
  end: number;
  /** Index of the token where the label starts. */
  token: number;
}

/** The first match of `re` in the label string at or after `from` (and before `limit`, if given). */
export function findLabel(stream: TokenStream, re: RegExp, from: number, limit?: number): LabelMatch | null {
  const m = re.exec(stream.labels.slice(from, limit));
  if (!m) return null;
  const start = from + m.index;
  return { start, end: start + m[0].length, token: stream.labelToken[start] ?? stream.tokens.length };
}

/**
 * Moves a match back to where the row's printed label begins: a pattern finds 「予以公开」, but
 * the label is 「（一）予以公开」, and where PDF text breaks it as 「（一） 4 5 …」/「予以公开」 the
 * numbers stand between the two parts. The label string before the match is compared with the
 * official label before the pattern, character by character, no further back than `floor`.
 */
export function extendToLabelStart(
  stream: TokenStream,
  match: LabelMatch,
  official: string,
  re: RegExp,
  floor: number,
): LabelMatch {
  const m = re.exec(official);
  if (!m || m.index === 0) return match;
  const prefix = official.slice(0, m.index);
  let k = 0;
  while (
    k < prefix.length &&
    match.start - k - 1 >= floor &&
    stream.labels[match.start - k - 1] === prefix[prefix.length - 1 - k]
  )
    k++;
  if (k === 0) return match;
  const start = match.start - k;
  return { start, end: match.end, token: stream.labelToken[start] ?? match.token };
}

const HAN = /\p{Script=Han}/gu;
/** Prose this long after a row's numbers means the table has ended (a note, the next section). */
const PROSE_HAN = 8;
/**
 * Column and group headers that PDF text drops between a row's numbers (table 四's
 * 「未经复议直接起诉」 stands between its first five numbers and the other ten): not prose.
 */
const HEADER_WORDS =
  /申请人情况|法人或其他组织|自然人|商业企业|科研机构|社会公益组织|社会组织|法律服务机构|其他结果|其他|总计|行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|尚未审结|结果|维持|纠正|审结|尚未/gu;

/** Whether a text token is prose rather than a header fragment. */
function isProse(text: string): boolean {
  return (text.replace(HEADER_WORDS, '').match(HAN)?.length ?? 0) >= PROSE_HAN;
}

/**
 * Cells of the row whose label starts at token `from`, up to token `to` (exclusive). With
 * `columns` (x centres of the printed column headers, PDF only) numbers are placed in the
 * column under which they stand, so blank cells are kept even where the text has none.
 */
export function rowCells(stream: TokenStream, from: number, to: number, columns?: number[]): RowCell[] {
  const seg = stream.tokens.slice(from + 1, to);
  let end = seg.length;
  let sawNumber = false;
  for (let i = 0; i < seg.length; i++) {
    const t = seg[i]!;
    if (t.kind === 'num') sawNumber = true;
    else if (sawNumber && t.kind === 'text' && isProse(t.text)) {
      end = i;
      break;
    }
  }
  const part = seg.slice(0, end);
  const numberLines = new Set(part.filter((t) => t.kind === 'num').map((t) => t.line));
  if (numberLines.size === 0) {
    // A row with every cell blank: its blank cells stand on the label's own line.
    const labelLine = stream.tokens[from]?.line;
    return part.filter((t) => t.kind === 'blank' && t.line === labelLine).map(() => ({ kind: 'blank' }));
  }
  const cells: RowCell[] = [];
  for (const t of part) {
    if (!numberLines.has(t.line)) continue;
    if (t.kind === 'num') cells.push({ kind: 'num', token: t });
    else if (t.kind === 'blank') cells.push({ kind: 'blank' });
  }
  return columns ? placeByColumn(cells, columns) : cells;
}

/** Puts each number under its nearest column header; leaves the row as is if that is not clear-cut. */
function placeByColumn(cells: RowCell[], columns: number[]): RowCell[] {
  const nums = cells.filter((c): c is Extract<RowCell, { kind: 'num' }> => c.kind === 'num');
  if (nums.length === 0 || nums.length >= columns.length || nums.some((c) => c.token.x === undefined)) return cells;
  const gaps = columns.slice(1).map((x, i) => x - columns[i]!);
  const tolerance = Math.min(...gaps) / 2;
  const placed: RowCell[] = columns.map(() => ({ kind: 'blank' }));
  for (const c of nums) {
    let best = -1;
    let bestDistance = Infinity;
    columns.forEach((x, i) => {
      const d = Math.abs(x - c.token.x!);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    if (bestDistance > tolerance || placed[best]!.kind === 'num') return cells;
    placed[best] = c;
  }
  return placed;
}

/**
 * X centres of the printed column headers between two tokens (PDF only), left to right:
 * each entry of `headers` lists label forms that name one column; a name printed several
 * times (table 四's 结果维持) is matched once per entry. Undefined unless every column is found.
 */
export function headerColumns(
  stream: TokenStream,
  fromToken: number,
  toToken: number,
  headers: string[][],
): number[] | undefined {
  const used = new Set<number>();
  const xs: number[] = [];
  for (const names of headers) {
    let found = -1;
    for (let i = fromToken; i < toToken && found < 0; i++) {
      const t = stream.tokens[i]!;
      if (!used.has(i) && t.kind === 'text' && t.x !== undefined && names.includes(t.text.replace(/\s/g, '')))
        found = i;
    }
    if (found < 0) return undefined;
    used.add(found);
    xs.push((stream.tokens[found] as { x: number }).x);
  }
  return xs.sort((a, b) => a - b);
}
