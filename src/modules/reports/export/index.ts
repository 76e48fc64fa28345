/**
 * Report exports: JSON (gongkai.annual-report/1, report-json.md), DOCX and PDF through the
 * document module, XLSX with exceljs, HTML for the portal. One entry point for the API and
 * the CLI.
 */
import { renderDocument } from '../../documents/index.ts';
import { reportHtmlDocument } from './html.ts';
import { reportDocument, reportTitle, type ExportInput } from './report-document.ts';
import { renderXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['json', 'docx', 'xlsx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  data: Buffer;
  contentType: string;
  fileName: string;
}

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** The report in one export format. */
export async function exportReport(input: ExportInput, format: ExportFormat): Promise<ExportedFile> {
  let data: Buffer;
  if (format === 'json') data = Buffer.from(`${JSON.stringify(input.report, null, 2)}\n`, 'utf8');
  else if (format === 'html') data = Buffer.from(reportHtmlDocument(input), 'utf8');
  else if (format === 'xlsx') data = await renderXlsx(input.report);
  else data = (await renderDocument(reportDocument(input), format)).data;
  const base = reportTitle(input.report).replace(/[\\/:*?"<>|\n\r]+/g, '');
  return { data, contentType: TYPES[format], fileName: `${base}.${format}` };
}

export { REPORT_PRINT_CSS, reportBodyHtml, reportHtmlDocument } from './html.ts';
export { reportDocument, reportTitle, type ExportInput } from './report-document.ts';
export { reportTables } from './tables.ts';
