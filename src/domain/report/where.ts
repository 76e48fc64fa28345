/**
 * Where a finding points (`table3.total[6]`, `table2.normative_docs`, `table4`,
 * `sections.overview`, `format`), parsed and described with the official labels of the
 * report's format, so an export or a screen can say 表三「（七）总计」行「总计」列 instead of a path.
 */
import { describeCell, table2CellName, table3RowName, table4GroupName, type TableName } from './findings.ts';
import type { ReportFormat, Table2Key, Table3Key, Table4Key } from './format-types.ts';

/** A parsed `where`: a cell, a whole row, a whole table, or something outside the tables. */
export type FindingPlace =
  | { kind: 'cell'; table: TableName; row: string; column: number }
  | { kind: 'row'; table: TableName; row: string }
  | { kind: 'table'; table: TableName }
  | { kind: 'other'; where: string };

const TABLES = new Set<string>(['table2', 'table3', 'table4']);

/** Parses a finding's `where`. */
export function parseWhere(where: string): FindingPlace {
  const m = /^(table[234])(?:\.([a-z_]+)(?:\[(\d+)\])?)?$/.exec(where);
  if (!m || !TABLES.has(m[1]!)) return { kind: 'other', where };
  const table = m[1] as TableName;
  if (m[2] === undefined) return { kind: 'table', table };
  if (m[3] === undefined) return { kind: 'row', table, row: m[2] };
  return { kind: 'cell', table, row: m[2], column: Number(m[3]) };
}

const TABLE_NAMES: Record<TableName, string> = { table2: '表二', table3: '表三', table4: '表四' };
const OTHER_NAMES: Record<string, string> = {
  'sections.overview': '一、总体情况',
  'sections.problems': '五、存在的主要问题及改进情况',
  'sections.other': '六、其他需要报告的事项',
  format: '报告格式',
  agency: '报告机关',
  document: '整份文件',
};

function rowName(format: ReportFormat, table: TableName, row: string): string {
  if (table === 'table3') return `表三「${table3RowName(format, row as Table3Key)}」行`;
  if (table === 'table2') return `表二「${table2CellName(format, row as Table2Key, 0).row}」行`;
  return `表四「${table4GroupName(format, row as Table4Key)}」`;
}

/** The official label of the place a finding points at, e.g. 表三「（七）总计」行「自然人」列. */
export function describeWhere(format: ReportFormat, where: string): string {
  const p = parseWhere(where);
  switch (p.kind) {
    case 'cell':
      return describeCell(format, p.table, p.row, p.column);
    case 'row':
      return rowName(format, p.table, p.row);
    case 'table':
      return TABLE_NAMES[p.table];
    case 'other':
      return OTHER_NAMES[p.where] ?? p.where;
  }
}

/** The cell paths a finding covers: one cell, every cell of a row (`width` columns), or none. */
export function cellsOfWhere(where: string, width: (table: TableName, row: string) => number): string[] {
  const p = parseWhere(where);
  if (p.kind === 'cell') return [where];
  if (p.kind === 'row') return Array.from({ length: width(p.table, p.row) }, (_, c) => `${where}[${c}]`);
  return [];
}
