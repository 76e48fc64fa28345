/**
 * Turns lines of cells into a stream of text, number and blank tokens, and a label string
 * (the text tokens only, whitespace and quotes removed) in which row labels are searched.
 * Labels contain no digits except item numbers (「1.」), so digits are always cell values —
 * except where an item number is glued to the previous row's digits ("00000002.其他").
 */
import type { SourceDocument } from './document.ts';

export interface NumberToken {
  kind: 'num';
  line: number;
  /** Horizontal centre on the page (PDF only). */
  x?: number;
  /** The number as printed (normalised: half-width, no thousands separators, no unit). */
  raw: string;
  value: number;
  sign: '' | '-';
  /** The integer digits, where run-together cells may be cut apart. */
  int: string;
  /** The decimal part including the point, or ''. */
  frac: string;
  /** Whether the printed number used thousands separators (then it is one cell for sure). */
  grouped: boolean;
  unit?: '元' | '万元';
}

export interface TextToken {
  kind: 'text';
  line: number;
  x?: number;
  text: string;
}

export interface BlankToken {
  kind: 'blank';
  line: number;
}

export type Token = NumberToken | TextToken | BlankToken;

export interface TokenStream {
  tokens: Token[];
  /** Text tokens joined, for label search. */
  labels: string;
  /** For each character of `labels`, the index of its token. */
  labelToken: number[];
}

/** Full-width to half-width, one minus sign, no thin spaces. */
export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ');
}

/** Label form: no whitespace, no quotes, ASCII brackets and punctuation. */
export function labelForm(s: string): string {
  return normalize(s).replace(/[\s"'“”‘’「」『』《》〈〉]/g, '');
}

const BLANK_CELL = /^[-—―/\\_~·.。…]*$/;
// A number: optional sign, digits with optional thousands groups, optional decimals, optional unit.
const NUMBER = /(-?)(\d+(?:,\d{3})*)(\.\d+)?(?!\d)(\s*(?:万元|元|件|条|个|项|宗|起))?/g;

/**
 * Span notes that tools flattening HTML tables add to a merged cell (「[rs=2]」「[cs=3]」,
 * 「(rowspan=2)」): they describe the layout, and their digits are no cell values.
 */
const SPAN_NOTE = /[[(（{]\s*(?:rs|cs|rowspan|colspan)\s*[=:：]\s*["']?\d+["']?\s*[\])）}]/gi;

/** Tokens of one cell. */
export function tokenizeCell(cell: string, line: number, structured: boolean, out: Token[], x?: number): void {
  const c = normalize(cell).replace(SPAN_NOTE, '').trim();
  if (BLANK_CELL.test(c)) {
    if (structured) out.push({ kind: 'blank', line });
    return;
  }
  let last = 0;
  const text = (s: string) => {
    if (s.trim()) out.push(x === undefined ? { kind: 'text', line, text: s } : { kind: 'text', line, text: s, x });
  };
  for (const m of c.matchAll(NUMBER)) {
    const start = m.index;
    const [whole, sign = '', intRaw = '', frac = '', unitRaw = ''] = m;
    const after = c.slice(start + whole.length);
    const before = c.slice(0, start);
    // 「100%」 and 「2021-2035」 style ranges are prose; 「第5页」 is not a value either.
    if (after.startsWith('%') || /[a-zA-Z]$/.test(before)) continue;
    let int = intRaw.replace(/,/g, '');
    let prefix = '';
    // An item number: 「2.」 before label text, or alone at the end of a cell where a label broke after it.
    if (!frac && !unitRaw && /^\s*[.、](?=\s*\p{Script=Han}|\s*$)/u.test(after)) {
      // An item number such as 「2.其他法律行政法规禁止公开」: text, and when glued to the
      // previous row's digits, its last digit only.
      prefix = int.slice(-1);
      int = int.slice(0, -1);
    }
    text(before.slice(last));
    if (int) {
      const unit = unitRaw.trim();
      const value = Number(`${sign}${int}${frac}`);
      out.push({
        kind: 'num',
        line,
        raw: `${sign}${int}${frac}`,
        value,
        sign: sign as '' | '-',
        int,
        frac,
        grouped: intRaw.includes(','),
        ...(unit === '元' || unit === '万元' ? { unit } : {}),
        ...(x === undefined ? {} : { x }),
      });
    } else if (sign) {
      text(sign);
    }
    if (prefix) text(prefix);
    last = start + whole.length;
  }
  text(c.slice(last));
}

/** The token stream of a document. */
export function tokenize(doc: SourceDocument): TokenStream {
  const tokens: Token[] = [];
  doc.lines.forEach((l, i) => {
    l.cells.forEach((cell, k) => tokenizeCell(cell, i, l.structured, tokens, l.xs?.[k]));
  });
  let labels = '';
  const labelToken: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'text') return;
    const f = labelForm(t.text);
    labels += f;
    for (let k = 0; k < f.length; k++) labelToken.push(i);
  });
  return { tokens, labels, labelToken };
}
