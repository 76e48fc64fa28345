/**
 * `gongkai.annual-report/1`: the machine-readable annual report (report-json.md), shared by
 * generated and imported reports. A key the format version does not have is absent.
 */
import type { AgencyLevel } from '../agency.ts';
import type { ReportFormat, ReportFormatId, Table2Key, Table3Key, Table4Key } from './format-types.ts';

export const ANNUAL_REPORT_SCHEMA = 'gongkai.annual-report/1';

/** A number, or null where a published report left the cell blank or an import could not read it one way only. */
export type Cell = number | null;

export interface ReportAgency {
  name: string;
  code?: string;
  level?: AgencyLevel;
  /** Whether the body may make 规章 (立法法 第九十三条). */
  makesRules?: boolean;
}

export interface ReportSource {
  file: string;
  sha256: string;
  url?: string | null;
  /** What the importer took the year from: 标题, 统计期限, 标题行, 发布日期, 落款日期, 文件名 or 人工指定. */
  yearBasis?: string;
  /** What decided the format version: 表格栏目 (the tables' own labels) or 适用年度. */
  formatBasis?: string;
}

/** The narrative parts kept in JSON (report-json.md): 一、总体情况, 五 and 六. */
export interface ReportSections {
  overview?: string;
  problems?: string;
  other?: string;
}

export interface AnnualReport {
  schema: typeof ANNUAL_REPORT_SCHEMA;
  format: ReportFormatId;
  agency: ReportAgency;
  includedAgencies?: ReportAgency[];
  source?: ReportSource | null;
  year: number;
  /** The date printed under the signature, ISO yyyy-mm-dd, if known. */
  date?: string | null;
  table2: Partial<Record<Table2Key, Cell[]>>;
  table3: Partial<Record<Table3Key, Cell[]>>;
  table4: Record<Table4Key, Cell[]>;
  sections?: ReportSections;
}

/** Number of cells of each table 二 row in a format. */
export function table2Widths(format: ReportFormat): Array<[Table2Key, number]> {
  return format.table2.groups.flatMap((g) => g.rows.map((r) => [r.key, g.columns.length] as [Table2Key, number]));
}

/** A report of the given format with every cell 0: the starting point for computing one. */
export function emptyReport(format: ReportFormat, agency: ReportAgency, year: number): AnnualReport {
  const table2: AnnualReport['table2'] = {};
  for (const [key, width] of table2Widths(format)) table2[key] = new Array<Cell>(width).fill(0);
  const table3: AnnualReport['table3'] = {};
  for (const row of format.table3.rows) table3[row.key] = new Array<Cell>(7).fill(0);
  const table4 = {} as AnnualReport['table4'];
  for (const g of format.table4.groups) table4[g.key] = new Array<Cell>(5).fill(0);
  return { schema: ANNUAL_REPORT_SCHEMA, format: format.id, agency, year, table2, table3, table4 };
}
