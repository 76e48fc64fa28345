/**
 * Reads a table from CSV (RFC 4180; UTF-8 with or without BOM, or GB18030 as saved by Excel and
 * WPS on Chinese Windows) or XLSX (first worksheet, via exceljs). The first row holds the
 * headers; columns are found by header name, so their order does not matter.
 */
import ExcelJS from 'exceljs';
import { decodeText, parseCsv } from '../../domain/csv.ts';
import { ValidationError } from '../../domain/errors.ts';

export interface TableRow {
  /** 1-based row number in the file, as a user sees it in Excel (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface TableFile {
  headers: string[];
  rows: TableRow[];
  errors: Array<{ row: number; messages: string[] }>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError({ file: '无法读取该 XLSX 文件：文件已损坏或不是 Excel 表格' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ValidationError({ file: 'XLSX 文件中没有工作表' });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    const values = r.values as ExcelJS.CellValue[];
    rows[n - 1] = values.slice(1).map(cellText);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads the table, checking that the `required` headers are present. */
export async function readTable(fileName: string, content: Buffer, required: readonly string[]): Promise<TableFile> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let grid: string[][];
  if (ext === 'xlsx') grid = await readXlsx(content);
  else if (ext === 'csv' || ext === 'txt') grid = parseCsv(decodeText(content));
  else throw new ValidationError({ file: '只接受 CSV 或 XLSX 文件' });
  const headers = (grid[0] ?? []).map((h) => h.trim());
  const missing = required.filter((h) => !headers.includes(h));
  if (missing.length) throw new ValidationError({ file: `表头缺少：${missing.join('、')}` });
  const rows: TableRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) values[h] = (cells[j] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  return { headers, rows, errors: [] };
}
