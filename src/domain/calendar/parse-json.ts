/**
 * JSON calendar files: the shape of the bundled data files
 * (`{ "year": 2027, "notice": { "title", "documentNo", "date" }, "days": [{ "date", "kind", "name" }] }`)
 * or a bare list of days (`[{ "date": "2027-01-01", "kind": "off", "name": "元旦" }, …]`), in
 * which case the year and notice come from the caller (`gongkai calendar import --year`).
 */
import { calendarFileInvalid, type RawCalendarDay, type RawCalendarYear } from './validate.ts';
import type { CalendarNotice } from './types.ts';

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : String(value);
}

function readDays(list: unknown[]): RawCalendarDay[] {
  return list.map((item, i) => {
    const where = `第${i + 1}项`;
    if (typeof item !== 'object' || item === null) return { date: String(item), kind: '', name: null, where };
    const record = item as Record<string, unknown>;
    return { date: text(record.date) ?? '', kind: text(record.kind) ?? '', name: text(record.name), where };
  });
}

function readNotice(value: unknown): CalendarNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const title = text(record.title);
  return title === null ? null : { title, documentNo: text(record.documentNo), date: text(record.date) };
}

/** Reads a JSON calendar file into a raw year (validated later by `validateCalendarYear`). */
export function readCalendarJson(source: string): RawCalendarYear {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw calendarFileInvalid([
      { where: null, date: null, message: `不是有效的 JSON 文件（${(err as Error).message}）` },
    ]);
  }
  if (Array.isArray(data))
    return { year: null, notice: { title: null, documentNo: null, date: null }, days: readDays(data) };
  if (typeof data !== 'object' || data === null || !Array.isArray((data as Record<string, unknown>).days)) {
    throw calendarFileInvalid([
      {
        where: null,
        date: null,
        message: 'JSON 文件应为 { "year", "notice", "days": [...] } 对象，或日期列表 [{ "date", "kind", "name" }]',
      },
    ]);
  }
  const record = data as Record<string, unknown>;
  const notice = (typeof record.notice === 'object' && record.notice !== null ? record.notice : {}) as Record<
    string,
    unknown
  >;
  const supplements = Array.isArray(record.supplements)
    ? record.supplements.map(readNotice).filter((n): n is CalendarNotice => n !== null)
    : [];
  return {
    year: record.year === undefined || record.year === null ? null : Number(record.year),
    notice: { title: text(notice.title), documentNo: text(notice.documentNo), date: text(notice.date) },
    ...(supplements.length > 0 ? { supplements } : {}),
    days: readDays(record.days as unknown[]),
  };
}
