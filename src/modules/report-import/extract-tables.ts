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
import { extendToLabelStart, findLabel, headerColumns, rowCells, type LabelMatch } from './segments.ts';
import { readRow, resolveAcrossRows, trimBlanks, type RowResult } from './solve.ts';
import { labelForm, type TokenStream } from './tokens.ts';

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
  /** Rows (`table3.total`, `table4`) missing because the file ends before them. */
  readonly cut = new Set<string>();
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
    // Rows lost at the end of a partial copy are reported once, for the whole cut (see cutFinding).
    if (this.cut.has(where)) return new Array<Cell>(width).fill(null);
    const message =
      result.status === 'missing'
        ? `未能读到${label}的数字，已留空。`
        : `${label}的数字“${result.printed}”无法唯一确定各格的数（${result.reason}），已留空，请核对原文。`;
    this.findings.push({ rule: 'ambiguous', severity: 'warning', where, message });
    return new Array<Cell>(width).fill(null);
  }

  /**
   * The start of each row's label, searched in order from `from` (and before `limit`); null
   * where a row is not found. A row whose label comes only after the label of a later row
   * (PDF text that lost the reading order: 「… 11 （七）总计 3.其他 80 95 …」) is `disordered`,
   * together with that later row: which numbers belong to which of them cannot be known.
   */
  locate(
    rows: Array<{ re: RegExp; label: string }>,
    from: number,
    limit?: number,
  ): { matches: Array<LabelMatch | null>; cursor: number; disordered: Set<number> } {
    let cursor = from;
    const official = rows.map((row) => labelForm(row.label));
    const disordered = new Set<number>();
    const matches = rows.map((row, i) => {
      const found = findLabel(this.stream, row.re, cursor, limit);
      if (!found) return null;
      const m = extendToLabelStart(this.stream, found, official[i]!, row.re, cursor);
      const gap = this.stream.labels.slice(cursor, m.start);
      for (let j = i + 1; j < rows.length; j++) {
        if (official[j]!.length >= 4 && gap.includes(official[j]!)) disordered.add(i).add(j);
      }
      cursor = m.end;
      return m;
    });
    return { matches, cursor, disordered };
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
    rows.map((row) => ({ re: TABLE2_PATTERNS[row.key], label: row.label })),
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
  const from = start?.start ?? after2.cursor;
  // Table 三's rows are not searched for past the start of table 四.
  const limit = findLabel(r.stream, TABLE4_START, start?.end ?? after2.cursor)?.start;
  const { matches, cursor, disordered } = r.locate(
    rows.map((row) => ({ re: TABLE3_PATTERNS[row.key], label: row.label })),
    from,
    limit,
  );
  const end = findLabel(r.stream, TABLE4_START, cursor)?.token ?? r.stream.tokens.length;
  const first = matches.find((m) => m !== null)?.token ?? end;
  const columns = start ? headerColumns(r.stream, start.token, first, TABLE3_HEADERS) : undefined;
  const results = new Map<Table3Key, RowResult>();
  // Rows printed with fewer numbers than cells, read by cutting run-together digits apart.
  const cutApart = new Set<Table3Key>();
  rows.forEach((row, i) => {
    const m = start ? matches[i] : null;
    if (m && disordered.has(i)) {
      results.set(row.key, {
        status: 'ambiguous',
        printed: '',
        reason: '表格文字的先后顺序错乱，行名与数字无法确定对应',
        candidates: [],
      });
      return;
    }
    const cells = m ? rowCells(r.stream, m.token, r.nextStart(matches, i, end), columns) : [];
    if (cells.length > 0 && trimBlanks(cells, 7).length < 7) cutApart.add(row.key);
    results.set(row.key, readRow(cells, 7, rowTotalHolds));
  });
  markCut(r, matches, results, cutApart, limit === undefined);
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

/**
 * A partial copy that ends inside table 三: no row after the last one found, no table 四. The
 * rows from the cut on (the row at the cut too, unless it was read whole) are marked cut; they
 * are reported once, by cutFinding, with exactly what is missing.
 */
function markCut(
  r: Reader,
  matches: Array<LabelMatch | null>,
  results: Map<Table3Key, RowResult>,
  cutApart: ReadonlySet<Table3Key>,
  noTable4: boolean,
): void {
  if (!noTable4) return;
  const rows = r.format.table3.rows;
  let last = -1;
  matches.forEach((m, i) => {
    if (m) last = i;
  });
  if (last < 0) return;
  // The row at the cut counts only if all seven cells were printed apart and add up (R1): its
  // last number may itself have been cut short ("32" → "3").
  const atCut = results.get(rows[last]!.key)!;
  // A row cut apart is not whole: "0 11 0 0 0 2" (its total cut off) splits into seven that add up.
  const whole =
    atCut.status === 'read' &&
    !cutApart.has(rows[last]!.key) &&
    atCut.values.every((v) => v !== null) &&
    rowTotalHolds(atCut.values);
  for (let i = whole ? last + 1 : last; i < rows.length; i++) {
    r.cut.add(`table3.${rows[i]!.key}`);
    results.set(rows[i]!.key, { status: 'missing' });
  }
  r.cut.add('table4');
}

/** One finding for a partial copy: the table 三 rows and the table 四 cells that are not in the file. */
function cutFinding(r: Reader, sectionsFollow: boolean): Finding | null {
  if (!r.cut.has('table4')) return null;
  const rows = r.format.table3.rows.filter((row) => r.cut.has(`table3.${row.key}`));
  const table4Cells = r.format.table4.groups.flatMap((g) =>
    Array.from({ length: 5 }, (_, c) => `table4.${g.key}[${c}]`),
  );
  const cells = [
    ...rows.flatMap((row) => Array.from({ length: 7 }, (_, c) => `table3.${row.key}[${c}]`)),
    ...table4Cells,
  ];
  const rest = sectionsFollow ? '' : '以及其后的第五、六部分';
  if (rows.length === 0) {
    return {
      rule: 'missing',
      severity: 'warning',
      where: 'table4',
      cells,
      message: `文件中没有表四（政府信息公开行政复议、行政诉讼情况）：表四全部15格${rest}都不在文件中，已留空，未作推测；应取得完整的报告后重新导入。`,
    };
  }
  const firstRow = rows[0]!;
  const lastRow = rows[rows.length - 1]!;
  const span =
    rows.length === 1 ? `「${firstRow.label}」1行` : `「${firstRow.label}」至「${lastRow.label}」共${rows.length}行`;
  return {
    rule: 'missing',
    severity: 'warning',
    where: 'table3',
    cells,
    message: `文件在表三中途结束（不完整的转载或截断的文件）：表三${span}（${rows.length * 7}格）、表四全部15格${rest}都不在文件中。这些单元格已留空，未作推测；应取得完整的报告后重新导入。`,
  };
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
  if (r.cut.has('table4')) r.cut.add('table4.all');
  const values = r.settle('table4', 'all', '表四', 15, readRow(cells, 15, appealTotalsHold), '各项总计');
  const cut = cutFinding(r, findLabel(r.stream, TABLE4_END, from) !== null);
  if (cut) r.findings.push(cut);
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
