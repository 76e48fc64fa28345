/**
 * Findings: what the validator and the importer say about a report. Each names the rule, a
 * severity, the cell (`table3.total[6]`) and a Chinese message for a supervisor.
 */
import type { ReportFormat, Table2Key, Table3Key, Table4Key } from './format-types.ts';

/** R1–R4 arithmetic, R5–R7 across years, R8 text, R9 blanks, R10 semantics, R11 value kinds (report-formats.md §5). */
export type ValidationRule = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11';

/**
 * `ambiguous`: the importer could not read a cell one way only; `read`: how the importer
 * read something (a label variant, a unique reading of run-together digits, a unit converted);
 * `year`: the report's year as stated contradicts itself or was inferred; `missing`: part of
 * the report is not in the file (a partial copy). These codes are stable identifiers for
 * programs; people see `RULE_NAMES`.
 */
export type FindingRule = ValidationRule | 'ambiguous' | 'read' | 'year' | 'missing';

/** The Chinese name of each rule, as findings are shown to people (never the code alone). */
export const RULE_NAMES: Record<FindingRule, string> = {
  R1: '行合计（R1）',
  R2: '办理结果合计（R2）',
  R3: '勾稽关系（R3）',
  R4: '复议诉讼合计（R4）',
  R5: '上年结转衔接（R5）',
  R6: '现行有效件数衔接（R6）',
  R7: '项目数量衔接（R7）',
  R8: '正文与表格一致（R8）',
  R9: '空白单元格（R9）',
  R10: '格式版本与职权（R10）',
  R11: '数值类型（R11）',
  ambiguous: '无法确定的数字',
  read: '读取说明',
  year: '报告年度',
  missing: '缺失内容',
};

/** 「行合计（R1）」 — the name a person reads for a rule code; unknown codes pass through. */
export function ruleName(rule: string): string {
  return (RULE_NAMES as Record<string, string>)[rule] ?? OTHER_RULE_NAMES[rule] ?? rule;
}

/** Codes of the report editor's own findings (reports.compute.ts). */
const OTHER_RULE_NAMES: Record<string, string> = { unentered: '外部数据未录入' };

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  /** A cell path such as `table3.total[6]`, a row path `table2.normative_docs`, `sections.overview`, `format` or `document`. */
  where: string;
  /** The cells a finding covers when they are not one cell or one whole row (grouped blanks, a cut). */
  cells?: string[];
  message: string;
}

/** Errors for the hard arithmetic rules, warnings for the rest (report-json.md). */
export function severityOf(rule: ValidationRule): Severity {
  return rule === 'R1' || rule === 'R2' || rule === 'R3' || rule === 'R4' ? 'error' : 'warning';
}

/** Builds a validation finding with the rule's severity. */
export function finding(rule: ValidationRule, where: string, message: string): Finding {
  return { rule, severity: severityOf(rule), where, message };
}

export type TableName = 'table2' | 'table3' | 'table4';

/** `table3.total[6]` */
export function cellPath(table: TableName, row: string, column: number): string {
  return `${table}.${row}[${column}]`;
}

/** 「（七）总计」 — the printed label of a table 三 row. */
export function table3RowName(format: ReportFormat, key: Table3Key): string {
  return format.table3.rows.find((r) => r.key === key)?.label ?? key;
}

/** 「总计」 — the printed label of a table 三 column. */
export function table3ColumnName(format: ReportFormat, column: number): string {
  return format.table3.columns[column]?.label ?? String(column + 1);
}

/** Printed row label and column label of a table 二 cell. */
export function table2CellName(format: ReportFormat, key: Table2Key, column: number): { row: string; column: string } {
  for (const g of format.table2.groups) {
    const row = g.rows.find((r) => r.key === key);
    if (row) return { row: row.label, column: g.columns[column]?.label ?? String(column + 1) };
  }
  return { row: key, column: String(column + 1) };
}

/** 「行政复议」「未经复议直接起诉」 … */
export function table4GroupName(format: ReportFormat, key: Table4Key): string {
  const g = format.table4.groups.find((x) => x.key === key);
  return key === 'reconsideration' ? (g?.label ?? key) : `行政诉讼·${g?.label ?? key}`;
}

/** Human description of any cell path, e.g. 表三「（七）总计」行「自然人」列. */
export function describeCell(format: ReportFormat, table: TableName, row: string, column: number): string {
  if (table === 'table3')
    return `表三「${table3RowName(format, row as Table3Key)}」行「${table3ColumnName(format, column)}」列`;
  if (table === 'table2') {
    const n = table2CellName(format, row as Table2Key, column);
    return `表二「${n.row}」行「${n.column}」列`;
  }
  return `表四「${table4GroupName(format, row as Table4Key)}」的「${format.table4.columns[column] ?? column + 1}」`;
}

/**
 * Whether a finding stops our own report from being published: any error (R1–R4 arithmetic, R10/R11
 * …), and R8 — a warning on someone else's imported report, but our own narrative must not
 * contradict its tables. The console's publish dialog and reports.publish.ts share this.
 */
export function blocksPublication(f: { rule: string; severity: string }): boolean {
  return f.severity === 'error' || f.rule === 'R8';
}

/** The validator's rules in order, as the publish dialog lists them (report-formats.md §5). */
export const VALIDATION_RULES: ValidationRule[] = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11'];
