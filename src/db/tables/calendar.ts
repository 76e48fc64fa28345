/**
 * Table types of imported calendar years (migration 2026-11-27-02-calendar). Dates are
 * 'YYYY-MM-DD' strings, timestamps ISO-8601 UTC strings.
 */

export interface CalendarYearTable {
  year: number;
  notice_title: string;
  notice_document_no: string | null;
  notice_date: string | null;
  /** JSON: [{ title, documentNo, date }] of later notices, or null. */
  notice_supplements: string | null;
  /** How the year got here: 'import' (CLI or console upload). */
  source: string;
  imported_at: string;
  /** Display name of the account that imported it. */
  imported_by: string | null;
}

export interface CalendarDayTable {
  date: string;
  /** The notice year that lists the day (may differ from the date's year around New Year). */
  year: number;
  kind: 'off' | 'work';
  name: string | null;
}

export interface CalendarTables {
  calendar_year: CalendarYearTable;
  calendar_day: CalendarDayTable;
}
