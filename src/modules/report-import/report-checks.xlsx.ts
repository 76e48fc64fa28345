/**
 * Findings of imported reports as an XLSX workbook (exceljs): one row per finding with the
 * agency, year, rule, severity, cell path, the official label of the cell and the Chinese
 * message; a bold header row, frozen, with an autofilter so a supervisor can sort and filter
 * hundreds of reports in WPS or Excel.
 */
import ExcelJS from 'exceljs';
import { ruleName, type Severity } from '../../domain/report/index.ts';
import type { ImportedSummary } from './report-import.repository.ts';
import { labelFindings } from './report-checks.service.ts';

/** 错误 / 警告 / 提示 */
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const COLUMNS = [
  { header: '机关', key: 'agency', width: 36 },
  { header: '年度', key: 'year', width: 8 },
  { header: '规则', key: 'rule', width: 20 },
  { header: '级别', key: 'severity', width: 8 },
  { header: '位置', key: 'where', width: 30 },
  { header: '单元格（行、列）', key: 'label', width: 48 },
  { header: '说明', key: 'message', width: 90 },
  { header: '来源文件', key: 'file', width: 30 },
];
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The workbook as a Buffer; `imports` in list order (agency, year). */
export async function findingsWorkbook(imports: readonly ImportedSummary[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 年报体检';
  const ws = wb.addWorksheet('检查结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const imp of imports) {
    const findings = labelFindings(imp.format, imp.findings).sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    for (const f of findings) {
      ws.addRow({
        agency: imp.agencyName || '（未识别机关）',
        year: imp.year,
        rule: ruleName(f.rule),
        severity: SEVERITY_NAMES[f.severity],
        where: f.where,
        label: f.label,
        message: f.message,
        file: imp.sourceFile,
      });
    }
  }
  ws.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
