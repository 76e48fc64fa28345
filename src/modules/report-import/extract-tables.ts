/**
 * Reads tables 二, 三 and 四 of a detected format out of the token stream, cell by cell,
 * with findings for what could not be read one way only (left null, rule "ambiguous") and for
 * readings the arithmetic settled (rule "read", info).
 */
import type {
  AnnualReport,
  Cell,
  Finding,
  ReportFormat,
  Table2Key,
  Table3Key,
  Table4Key,
} from '../../domain/report/index.ts';
import { TABLE3_TOTAL_COLUMN } from '../../domain/report/index.ts';
import type { Reading, RowCell } from './digits.ts';
import { TABLE2_PATTERNS, TABLE2_START, TABLE3_PATTERNS, TABLE3_START, TABLE4_END, TABLE4_START } from './labels.ts';
import { findLabel, headerColumns, rowCells, type LabelMatch } from './segments.ts';
import { readRow, resolveAcrossRows, trimBlanks, type RowResult } from './solve.ts';
import type { TokenStream } from './tokens.ts';

export interface ExtractedTables {
  table2: AnnualReport['table2'];
  table3: AnnualReport['table3'];
  table4: AnnualReport['table4'];
  findings: Finding[];
  /** Cells left null because they could not be read (not because they were printed blank). */
  unreadable: Set<string>;
}

const TABLE3_HEADERS = [
  ['自然人'],
  ['商业企业', '商业'],
  ['科研机构', '科研'],
  ['社会公益组织', '社会组织', '社会公益'],
  ['法律服务机构', '法律服务'],
  ['其他'],
  ['总计'],
];
const TABLE4_HEADERS = Array.from({ length: 3 }, () => [
  ['结果维持'],
  ['结果纠正'],
  ['其他结果'],
  ['尚未审结'],
  ['总计'],
]).flat();

const n0 = (c: Cell | undefined) => (typeof c === 'number' ? c : 0);
const sum = (r: Reading, from: number, to: number) => r.slice(from, to).reduce<number>((s, c) => s + n0(c), 0);

/** R1 for one row of table 三. */
const rowTotalHolds = (r: Reading) => Math.abs(sum(r, 0, TABLE3_TOTAL_COLUMN) - n0(r[TABLE3_TOTAL_COLUMN])) < 1e-9;
/** R4 for table 四 read as one row of 15. */
const appealTotalsHold = (r: Reading) => [0, 5, 10].every((g) => sum(r, g, g + 4) === n0(r[g + 4]));

class Reader {
  readonly findings: Finding[] = [];
  readonly unreadable = new Set<string>();
  constructor(
    readonly stream: TokenStream,
    readonly format: ReportFormat,
  ) {}

  /** Records what a row result means and returns its cells. */
  settle(
    table: 'table2' | 'table3' | 'table4',
    key: string,
    label: string,
    width: number,
    result: RowResult,
    rules: string,
  ): Cell[] {
    const where = `${table}.${key}`;
    if (result.status === 'read') return result.values;
    if (result.status === 'resolved') {
      this.findings.push({
        rule: 'read',
        severity: 'info',
        where,
        message: `${label}的数字连写为“${result.printed}”，按${rules}只有一种读法：${result.values.map((v) => v ?? '空白').join('、')}。`,
      });
      return result.values;
    }
    for (let i = 0; i < width; i++) this.unreadable.add(`${where}[${i}]`);
    const message =
      result.status === 'missing'
        ? `未能读到${label}的数字，已留空。`
        : `${label}的数字“${result.printed}”无法唯一确定各格的数（${result.reason}），已留空，请核对原文。`;
    this.findings.push({ rule: 'ambiguous', severity: 'warning', where, message });
    return new Array<Cell>(width).fill(null);
  }

  /** The start of each pattern, searched in order from `from`; null where a row is not found. */
  locate(patterns: RegExp[], from: number): { matches: Array<LabelMatch | null>; cursor: number } {
    let cursor = from;
    const matches = patterns.map((re) => {
      const m = findLabel(this.stream, re, cursor);
      if (m) cursor = m.end;
      return m;
    });
    return { matches, cursor };
  }

  /** The token where the row after `i` starts, or `fallback`. */
  nextStart(matches: Array<LabelMatch | null>, i: number, fallback: number): number {
    for (let j = i + 1; j < matches.length; j++) if (matches[j]) return matches[j]!.token;
    return fallback;
  }
}

/** Reads the three tables of `format` from `stream`. */
export function extractTables(stream: TokenStream, format: ReportFormat): ExtractedTables {
  const r = new Reader(stream, format);
  const after2 = readTable2(r);
  const after3 = readTable3(r, after2);
  const table4 = readTable4(r, after3.cursor);
  return { table2: after2.table2, table3: after3.table3, table4, findings: r.findings, unreadable: r.unreadable };
}

function readTable2(r: Reader): { table2: AnnualReport['table2']; cursor: number } {
  const rows = r.format.table2.groups.flatMap((g) => g.rows.map((row) => ({ ...row, columns: g.columns })));
  const start = findLabel(r.stream, TABLE2_START, 0);
  const { matches, cursor } = r.locate(
    rows.map((row) => TABLE2_PATTERNS[row.key]),
    start?.end ?? 0,
  );
  const end = findLabel(r.stream, TABLE3_START, cursor)?.token ?? r.stream.tokens.length;
  const table2: AnnualReport['table2'] = {};
  rows.forEach((row, i) => {
    const m = start ? matches[i] : null;
    const width = row.columns.length;
    const cells = m ? rowCells(r.stream, m.token, r.nextStart(matches, i, end)) : [];
    const values = r.settle('table2', row.key, `表二「${row.label}」行`, width, readRow(cells, width), '');
    if (m && row.label === '行政规范性文件' && !r.stream.labels.slice(m.start, m.end).startsWith('行政')) {
      r.findings.push({
        rule: 'read',
        severity: 'info',
        where: 'table2.normative_docs',
        message: '表二使用了旧栏目名「规范性文件」，现行格式为「行政规范性文件」，已按该行读取。',
      });
    }
    table2[row.key as Table2Key] = convertUnits(r, row.key as Table2Key, row.label, row.columns, cells, values);
  });
  return { table2, cursor: start ? cursor : 0 };
}

/** Money in the unit of the format: V2019 采购总金额 in 元, V2021 本年收费金额 in 万元. */
function convertUnits(
  r: Reader,
  key: Table2Key,
  label: string,
  columns: Array<{ kind: string; unit?: string }>,
  cells: RowCell[],
  values: Cell[],
): Cell[] {
  const trimmed = trimBlanks(cells, columns.length);
  if (trimmed.length !== columns.length) return values;
  return values.map((v, i) => {
    const cell = trimmed[i];
    const want = columns[i]?.unit;
    if (v === null || cell?.kind !== 'num' || !want || !cell.token.unit || cell.token.unit === want) return v;
    const converted = Math.round((want === '元' ? v * 10_000 : v / 10_000) * 1e6) / 1e6;
    r.findings.push({
      rule: 'read',
      severity: 'info',
      where: `table2.${key}[${i}]`,
      message: `表二「${label}」行的金额印为${v}${cell.token.unit}，已按格式换算为${converted}${want}。`,
    });
    return converted;
  });
}

function readTable3(r: Reader, after2: { cursor: number }): { table3: AnnualReport['table3']; cursor: number } {
  const rows = r.format.table3.rows;
  const start = findLabel(r.stream, TABLE3_START, after2.cursor);
  const { matches, cursor } = r.locate(
    rows.map((row) => TABLE3_PATTERNS[row.key]),
    start?.start ?? after2.cursor,
  );
  const end = findLabel(r.stream, TABLE4_START, cursor)?.token ?? r.stream.tokens.length;
  const first = matches.find((m) => m !== null)?.token ?? end;
  const columns = start ? headerColumns(r.stream, start.token, first, TABLE3_HEADERS) : undefined;
  const results = new Map<Table3Key, RowResult>();
  rows.forEach((row, i) => {
    const m = start ? matches[i] : null;
    const cells = m ? rowCells(r.stream, m.token, r.nextStart(matches, i, end), columns) : [];
    results.set(row.key, readRow(cells, 7, rowTotalHolds));
  });
  resolveAcrossRows(results, (values) => table3RulesHold(r.format, values));
  const table3: AnnualReport['table3'] = {};
  for (const row of rows) {
    table3[row.key] = r.settle(
      'table3',
      row.key,
      `表三「${row.label}」行`,
      7,
      results.get(row.key)!,
      '各行合计与勾稽关系',
    );
  }
  return { table3, cursor: start ? cursor : after2.cursor };
}

/** R2 and R3 for every column where all the rows involved are known. */
function table3RulesHold(format: ReportFormat, values: Map<Table3Key, Reading>): boolean {
  const leaves = format.table3.rows.filter((row) => row.outcome).map((row) => row.key);
  const total = values.get('total');
  for (let c = 0; c < 7; c++) {
    if (total && leaves.every((k) => values.has(k))) {
      if (leaves.reduce((s, k) => s + n0(values.get(k)![c]), 0) !== n0(total[c])) return false;
    }
    const flow = ['received', 'carried_in', 'total', 'carried_out'].map((k) => values.get(k as Table3Key));
    if (flow.every((x) => x !== undefined)) {
      const [a, b, t, o] = flow as Reading[];
      if (n0(a![c]) + n0(b![c]) !== n0(t![c]) + n0(o![c])) return false;
    }
  }
  return true;
}

function readTable4(r: Reader, from: number): AnnualReport['table4'] {
  const start = findLabel(r.stream, TABLE4_START, from);
  const end = start ? (findLabel(r.stream, TABLE4_END, start.end)?.token ?? r.stream.tokens.length) : 0;
  const columns = start ? headerColumns(r.stream, start.token, end, TABLE4_HEADERS) : undefined;
  const cells = start ? rowCells(r.stream, start.token, end, columns) : [];
  const values = r.settle('table4', 'all', '表四', 15, readRow(cells, 15, appealTotalsHold), '各项总计');
  const table4 = {} as AnnualReport['table4'];
  r.format.table4.groups.forEach((g, i) => {
    table4[g.key as Table4Key] = values.slice(i * 5, i * 5 + 5);
  });
  // Findings and unread cells name the groups, not the whole table.
  relabelTable4(r);
  return table4;
}

/** Table 四 is read as one row of 15; name its cells by group for the validator and the reader. */
function relabelTable4(r: Reader): void {
  const groups = r.format.table4.groups.map((g) => g.key);
  for (const path of [...r.unreadable]) {
    const m = /^table4\.all\[(\d+)\]$/.exec(path);
    if (!m) continue;
    const i = Number(m[1]);
    r.unreadable.delete(path);
    r.unreadable.add(`table4.${groups[Math.floor(i / 5)]}[${i % 5}]`);
  }
  for (const f of r.findings) if (f.where === 'table4.all') f.where = 'table4';
}
