/**
 * CSV calendar files (opens in WPS and Excel): a header row `date,kind,name` (or
 * `日期,类型,名称`), then one day per row; `kind` is off/work or 休/班. Lines starting with `#`
 * carry the year and its notice, e.g.
 *
 *     # year: 2027
 *     # notice: 国务院办公厅关于2027年部分节假日安排的通知
 *     # documentNo: 国办发明电〔2026〕8号
 *     # noticeDate: 2026-11-05
 *     date,kind,name
 *     2027-01-01,休,元旦
 *
 * (Chinese keys 年份/通知/文号/成文日期 work too.) The rows are read by the project's one CSV
 * reader (src/domain/csv.ts); the bytes of a file saved by Excel or WPS on Chinese Windows
 * (GB18030) are decoded by `decodeText` before they get here (parse.ts).
 */
import { parseCsv } from '../csv.ts';
import { calendarFileInvalid, type RawCalendarDay, type RawCalendarYear } from './validate.ts';

const HEADERS: Record<string, 'date' | 'kind' | 'name'> = {
  date: 'date',
  日期: 'date',
  kind: 'kind',
  类型: 'kind',
  type: 'kind',
  name: 'name',
  名称: 'name',
  节日: 'name',
};

const META: Record<string, 'year' | 'title' | 'documentNo' | 'date'> = {
  year: 'year',
  年份: 'year',
  notice: 'title',
  通知: 'title',
  documentno: 'documentNo',
  文号: 'documentNo',
  noticedate: 'date',
  成文日期: 'date',
};

/** Reads a CSV calendar file into a raw year (validated later by `validateCalendarYear`). */
export function readCalendarCsv(source: string): RawCalendarYear {
  const rows = parseCsv(source.replace(/^\uFEFF/, ''));
  const meta: { year: string | null; title: string | null; documentNo: string | null; date: string | null } = {
    year: null,
    title: null,
    documentNo: null,
    date: null,
  };
  let columns: Array<'date' | 'kind' | 'name' | null> | null = null;
  const days: RawCalendarDay[] = [];
  rows.forEach((row, index) => {
    const where = `第${index + 1}行`;
    const trimmed = row.join(',').trim();
    if (trimmed === '' || /^,*$/.test(trimmed)) return;
    if (trimmed.startsWith('#')) {
      const match = /^#\s*([^:：]+)[:：]\s*(.*)$/.exec(trimmed);
      const key = match ? META[(match[1] as string).trim().toLowerCase()] : undefined;
      if (key && match) meta[key] = (match[2] as string).trim() || null;
      return;
    }
    const cells = row.map((c) => c.trim());
    if (columns === null) {
      columns = cells.map((cell) => HEADERS[cell.toLowerCase()] ?? null);
      if (!columns.includes('date') || !columns.includes('kind')) {
        throw calendarFileInvalid([
          { where, date: null, message: 'CSV 文件第一行应为表头 date,kind,name（或 日期,类型,名称）' },
        ]);
      }
      return;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column) values[column] = cells[i] ?? '';
    });
    days.push({ date: values.date ?? '', kind: values.kind ?? '', name: values.name || null, where });
  });
  if (columns === null)
    throw calendarFileInvalid([{ where: null, date: null, message: 'CSV 文件为空或缺少表头 date,kind,name' }]);
  return {
    year: meta.year === null ? null : Number(meta.year),
    notice: { title: meta.title, documentNo: meta.documentNo, date: meta.date },
    days,
  };
}
