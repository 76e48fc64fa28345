/**
 * XLSX export with exceljs: the three tables on their own sheets with the official merged
 * headers (the same grids as the DOCX and PDF), numbers as numbers so they can be summed,
 * and a first sheet naming the agency, year and format.
 */
import ExcelJS from 'exceljs';
import { getFormat, type AnnualReport } from '../../../domain/report/index.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { layoutTable } from '../../documents/index.ts';
import type { ReportTable } from './tables.ts';
import { reportTables } from './tables.ts';
import { reportTitle } from './report-document.ts';

const SHEET_NAMES: Record<ReportTable['section'], string> = {
  proactive: '二、主动公开',
  applications: '三、依申请公开',
  appeals: '四、复议诉讼',
};
const FONT = { name: '仿宋_GB2312', size: 11 };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function drawTable(ws: ExcelJS.Worksheet, table: ReportTable, firstRow: number): void {
  const grid = layoutTable(table.head, table.rows);
  table.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.round(w * 9)));
  for (const c of grid.cells) {
    const r = firstRow + c.row;
    const cell = ws.getCell(r, c.col + 1);
    const n = Number(c.text);
    cell.value = !c.header && c.text !== '' && /^-?\d+(\.\d+)?$/.test(c.text) ? n : c.text;
    cell.font = { ...FONT, bold: c.bold || c.header, name: c.header ? '黑体' : FONT.name };
    cell.alignment = { horizontal: c.align === 'left' ? 'left' : 'center', vertical: 'middle', wrapText: true };
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, c.col + 1, r + c.rowSpan - 1, c.col + c.colSpan);
  }
  for (let r = 0; r < grid.rows; r++)
    for (let col = 1; col <= grid.columns; col++) ws.getCell(firstRow + r, col).border = BORDER;
}

/** The workbook as a Buffer. */
export async function renderXlsx(report: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = report.agency.name;
  const format = getFormat(report.format);
  const info = wb.addWorksheet('报告信息');
  info.columns = [{ width: 16 }, { width: 60 }];
  const lines: Array<[string, string]> = [
    ['标题', reportTitle(report)],
    ['机关', report.agency.name],
    ['年度', String(report.year)],
    ['格式', `${format.name}（${format.notice}）`],
    ['成文日期', report.date ? formatChineseDate(report.date) : ''],
  ];
  if (report.includedAgencies?.length) lines.push(['汇总范围', report.includedAgencies.map((a) => a.name).join('、')]);
  for (const [k, v] of lines) info.addRow([k, v]).font = FONT;
  for (const table of reportTables(report)) {
    const ws = wb.addWorksheet(SHEET_NAMES[table.section]);
    ws.getCell(1, 1).value = format.sections.find((s) => s.key === table.section)?.heading ?? '';
    ws.getCell(1, 1).font = { name: '黑体', size: 14 };
    drawTable(ws, table, 2);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
