/** Units of the reader: tokens, run-together digits, the arithmetic that settles them, lines of text and PDF. */
import { describe, expect, it } from 'vitest';
import { rowReadings, type RowCell } from './digits.ts';
import { pageLines } from './read-pdf.ts';
import { splitLine } from './read-text.ts';
import { readRow, resolveAcrossRows, type RowResult } from './solve.ts';
import { tokenize, type NumberToken } from './tokens.ts';

const tokensOf = (...cells: string[]) => tokenize({ lines: [{ cells, structured: true }] }).tokens;
const nums = (...cells: string[]): RowCell[] =>
  tokensOf(...cells).flatMap((t): RowCell[] =>
    t.kind === 'num' ? [{ kind: 'num', token: t }] : t.kind === 'blank' ? [{ kind: 'blank' }] : [],
  );

describe('tokens', () => {
  it('takes an item number glued to the previous row\u2019s digits as label text', () => {
    const s = tokenize({
      lines: [{ cells: ['1.属于国家秘密00000002.其他法律行政法规禁止公开0000000'], structured: false }],
    });
    expect(s.tokens.filter((t) => t.kind === 'num').map((t) => (t as NumberToken).raw)).toEqual(['0000000', '0000000']);
    expect(s.labels).toBe('1.属于国家秘密2.其他法律行政法规禁止公开');
  });

  it('reads thousands separators, signs, decimals and units, and keeps percentages as text', () => {
    const t = tokensOf('1,021', '－15', '24252.311082', '251000元', '7.5万元', '100%').filter(
      (x): x is NumberToken => x.kind === 'num',
    );
    expect(t.map((x) => [x.value, x.unit ?? ''])).toEqual([
      [1021, ''],
      [-15, ''],
      [24252.311082, ''],
      [251000, '元'],
      [7.5, '万元'],
    ]);
    expect(t[0]?.grouped).toBe(true);
  });

  it('makes blank cells of empty and dash cells in tables only', () => {
    expect(tokensOf('', '—', '/').map((t) => t.kind)).toEqual(['blank', 'blank', 'blank']);
    expect(tokenize({ lines: [{ cells: ['', '—'], structured: false }] }).tokens).toEqual([]);
  });
});

describe('run-together digits', () => {
  it('lists every cut with no piece starting with 0', () => {
    expect(rowReadings(nums('1000001'), 7)).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
    expect(rowReadings(nums('693665'), 3)).toHaveLength(10);
    expect(rowReadings(nums('105'), 2)).toEqual([[10, 5]]);
    expect(rowReadings(nums('1,234'), 2)).toEqual([]);
  });

  it('keeps a row that one reading satisfies, with how it was printed', () => {
    const r1 = (r: Array<number | null>) => r.slice(0, 6).reduce<number>((s, c) => s + (c ?? 0), 0) === r[6];
    expect(readRow(nums('640020470'), 7, r1)).toEqual({
      status: 'resolved',
      values: [64, 0, 0, 2, 0, 4, 70],
      printed: '640020470',
      readings: 12,
    });
    expect(readRow(nums('500000', '5'), 7, r1)).toEqual({ status: 'read', values: [5, 0, 0, 0, 0, 0, 5] });
    expect(readRow(nums('', '3', '', '', '', '', '', '3', ''), 7, r1)).toEqual({
      status: 'read',
      values: [3, null, null, null, null, null, 3],
    });
    expect(readRow(nums('1', '2', '3', '4'), 3)).toMatchObject({ status: 'ambiguous', reason: '比表格的3格多出1个数' });
    expect(readRow(nums('12'), 3)).toMatchObject({ status: 'ambiguous', reason: '数字不足3格' });
    expect(readRow([], 3)).toEqual({ status: 'missing' });
  });

  it('settles rows that their own rule leaves open with the rules between rows', () => {
    const rows = new Map<string, RowResult>([
      ['a', { status: 'ambiguous', printed: '', reason: '', candidates: [[1], [2]] }],
      ['b', { status: 'read', values: [3] }],
      ['c', { status: 'ambiguous', printed: '', reason: '', candidates: [[5], [4]] }],
    ]);
    // a + b = c: (2,3,5) and (1,3,4) both fit → a and c stay open.
    resolveAcrossRows(
      rows,
      (v) => (v.get('a')![0] as number) + (v.get('b')![0] as number) === (v.get('c')![0] as number),
    );
    expect(rows.get('a')?.status).toBe('ambiguous');
    rows.set('c', { status: 'read', values: [5] });
    resolveAcrossRows(
      rows,
      (v) => (v.get('a')![0] as number) + (v.get('b')![0] as number) === (v.get('c')![0] as number),
    );
    expect(rows.get('a')).toMatchObject({ status: 'resolved', values: [2] });
  });
});

describe('lines', () => {
  it('split by tabs, markdown pipes, " | " and spaces', () => {
    expect(splitLine('规章\t0\t\t0')).toEqual({ cells: ['规章', '0', '', '0'], structured: true });
    expect(splitLine('| 规章 | 0 |  |')).toEqual({ cells: ['规章', '0', ''], structured: true });
    expect(splitLine('规章 | 0 | 1')).toEqual({ cells: ['规章', '0', '1'], structured: true });
    expect(splitLine('规章 0 0 0')).toEqual({ cells: ['规章', '0', '0', '0'], structured: false });
  });

  it('from PDF text items: one line per baseline, cells by gaps, page numbers dropped', () => {
    const item = (str: string, x: number, y: number, w = 16) => ({ str, x, y, w, h: 8 });
    const lines = pageLines([
      item('规章', 40, 700),
      item('0', 200, 700.5, 4),
      item('12', 260, 700, 8),
      item('— 1 —', 280, 20, 30),
      item('行政', 40, 680),
      item('许可', 56, 680),
    ]);
    expect(lines.map((l) => l.cells)).toEqual([['规章', '0', '12'], ['行政许可']]);
    expect(lines[0]?.xs).toEqual([48, 202, 264]);
  });
});
