/**
 * Imported calendar years in the database (tables calendar_year, calendar_day). Rows are
 * mapped to domain `CalendarYear` objects before they leave this file (STYLE.md rule 7).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { CalendarYearTable } from '../../db/tables/calendar.ts';
import type { CalendarNotice, CalendarYear } from '../../domain/calendar/types.ts';

/** Bookkeeping of an imported year. */
export interface ImportedYearInfo {
  readonly year: number;
  readonly notice: CalendarNotice;
  readonly source: string;
  readonly importedAt: string;
  readonly importedBy: string | null;
  readonly days: number;
}

function supplementsOf(row: CalendarYearTable): CalendarNotice[] {
  if (row.notice_supplements === null) return [];
  return JSON.parse(row.notice_supplements) as CalendarNotice[];
}

function noticeOf(row: CalendarYearTable): CalendarNotice {
  return { title: row.notice_title, documentNo: row.notice_document_no, date: row.notice_date };
}

/** Every imported year with its days, ascending. */
export async function findImportedYears(db: DbOrTx): Promise<CalendarYear[]> {
  const years = await db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  const days = await db.selectFrom('calendar_day').selectAll().orderBy('date').execute();
  return years.map((row) => {
    const supplements = supplementsOf(row);
    return {
      year: row.year,
      notice: noticeOf(row),
      ...(supplements.length > 0 ? { supplements } : {}),
      days: days.filter((d) => d.year === row.year).map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  });
}

/** The bookkeeping of every imported year, ascending. */
export async function listImportedYears(db: DbOrTx): Promise<ImportedYearInfo[]> {
  const rows = await db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  const counts = await db
    .selectFrom('calendar_day')
    .select(['year', (eb) => eb.fn.countAll<number>().as('days')])
    .groupBy('year')
    .execute();
  return rows.map((row) => ({
    year: row.year,
    notice: noticeOf(row),
    source: row.source,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    days: Number(counts.find((c) => c.year === row.year)?.days ?? 0),
  }));
}

/** One imported year with its days, or undefined. */
export async function findImportedYear(db: DbOrTx, year: number): Promise<CalendarYear | undefined> {
  const row = await db.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
  if (!row) return undefined;
  const days = await db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name'])
    .where('year', '=', year)
    .orderBy('date')
    .execute();
  const supplements = supplementsOf(row);
  return { year, notice: noticeOf(row), ...(supplements.length > 0 ? { supplements } : {}), days };
}

/** Days among `dates` already listed by another imported year: date → that year. */
export async function findDaysOwnedByOtherYears(
  db: DbOrTx,
  year: number,
  dates: readonly string[],
): Promise<Map<string, number>> {
  if (dates.length === 0) return new Map();
  const rows = await db
    .selectFrom('calendar_day')
    .select(['date', 'year'])
    .where('date', 'in', [...dates])
    .where('year', '!=', year)
    .execute();
  return new Map(rows.map((r) => [r.date, r.year]));
}

/** Replaces the year and all its days (call inside a transaction). */
export async function replaceYear(
  db: DbOrTx,
  year: CalendarYear,
  meta: { readonly source: string; readonly importedAt: string; readonly importedBy: string | null },
): Promise<void> {
  // Explicit deletes rather than relying on ON DELETE CASCADE: the order is clear on both dialects.
  await db.deleteFrom('calendar_day').where('year', '=', year.year).execute();
  await db.deleteFrom('calendar_year').where('year', '=', year.year).execute();
  await db
    .insertInto('calendar_year')
    .values({
      year: year.year,
      notice_title: year.notice.title,
      notice_document_no: year.notice.documentNo,
      notice_date: year.notice.date,
      notice_supplements: year.supplements && year.supplements.length > 0 ? JSON.stringify(year.supplements) : null,
      source: meta.source,
      imported_at: meta.importedAt,
      imported_by: meta.importedBy,
    })
    .execute();
  if (year.days.length > 0) {
    await db
      .insertInto('calendar_day')
      .values(year.days.map((d) => ({ date: d.date, year: year.year, kind: d.kind, name: d.name })))
      .execute();
  }
}
