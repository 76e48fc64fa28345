/**
 * Calendar years in the database: importing a year (audited) and the calendar in force,
 * i.e. the bundled years 2007–2026 overridden or extended by the imported ones. Deadlines
 * depend on it; after an import, callers recompute the deadlines of open applications
 * (lifecycle.md: "recomputed … whenever a calendar year is imported").
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { missingStatutoryHolidays } from '../../domain/calendar/statutory.ts';
import type { CalendarYear } from '../../domain/calendar/types.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatChineseDate } from '../../domain/time.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { can } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './calendar.repository.ts';

/**
 * Only the system administrator (or the system itself, e.g. the CLI run by the operator)
 * changes the calendar: it moves every deadline of every agency.
 */
function authorizeCalendarChange(actor: Actor): void {
  if (!can(actor, 'calendar.manage'))
    throw new DomainError('FORBIDDEN', '只有系统管理员可以导入节假日安排', { permission: 'calendar.manage' });
}

/** One row of `gongkai calendar list` and the console's calendar page. */
export interface CalendarYearSummary {
  readonly year: number;
  /** bundled: shipped with Gongkai; import: imported into this database (overrides a bundled year). */
  readonly source: 'bundled' | 'import';
  readonly notice: CalendarYear['notice'];
  readonly days: number;
  readonly overridesBundled: boolean;
  readonly importedAt: string | null;
  readonly importedBy: string | null;
}

export interface ImportResult<R = unknown> {
  readonly year: number;
  readonly days: number;
  /** What the `afterImport` hook returned (the applications' recomputation). */
  readonly after?: R;
  /** An earlier import of the same year was replaced. */
  readonly replacedImport: boolean;
  /** The year is also bundled; the imported one is now in force. */
  readonly overridesBundled: boolean;
}

/** The calendar in force: bundled years, overridden by imported ones. */
export async function loadCalendar(db: Db): Promise<Calendar> {
  const imported = await repo.findImportedYears(db);
  return Calendar.fromYears([...loadBundledYears(), ...imported]);
}

/** Every year known to this database, bundled or imported, ascending. */
export async function listCalendarYears(db: Db): Promise<CalendarYearSummary[]> {
  const imported = await repo.listImportedYears(db);
  const bundled = loadBundledYears();
  const byYear = new Map<number, CalendarYearSummary>();
  for (const y of bundled) {
    byYear.set(y.year, {
      year: y.year,
      source: 'bundled',
      notice: y.notice,
      days: y.days.length,
      overridesBundled: false,
      importedAt: null,
      importedBy: null,
    });
  }
  for (const y of imported) {
    byYear.set(y.year, {
      year: y.year,
      source: 'import',
      notice: y.notice,
      days: y.days,
      overridesBundled: bundled.some((b) => b.year === y.year),
      importedAt: y.importedAt,
      importedBy: y.importedBy,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Options of an import. */
export interface ImportOptions<R> {
  /**
   * The importer confirms a file that lacks statutory holidays of 《全国年节及纪念日放假办法》 (e.g. a
   * partial file on purpose); without it such a file is refused (lifecycle.md "Provisional years").
   */
  readonly confirmMissingHolidays?: boolean;
  /**
   * Runs in the import's transaction with the calendar now in force: the applications recompute
   * every stored date there (lifecycle.md: "recomputed in the same transaction").
   */
  readonly afterImport?: (tx: DbOrTx, calendar: Calendar) => Promise<R>;
}

/**
 * Refuses a year file that does not list every statutory holiday of its year as a day off,
 * unless the importer confirmed it: a notice always gives them (the check holds for every notice
 * 2007–2026), so a file without them is partial or mistyped — a 2027 file with only 元旦 must not
 * pass for the whole year. CALENDAR_HOLIDAYS_MISSING (422) lists them.
 */
export function checkStatutoryHolidays(year: CalendarYear, confirmed: boolean): Array<{ name: string; date: string }> {
  const missing = missingStatutoryHolidays(year.year, year.days);
  if (missing.length > 0 && !confirmed) {
    throw new DomainError(
      'CALENDAR_HOLIDAYS_MISSING',
      `${year.year}年的日历文件缺少《全国年节及纪念日放假办法》规定的法定节假日：${missing
        .map((m) => `${m.name}（${formatChineseDate(m.date)}）`)
        .join(
          '、',
        )}。国务院办公厅的通知总会安排这些日子放假；文件可能不完整。确属有意时，请勾选“确认缺少法定节假日仍导入”（命令行加 --confirm-missing-holidays）`,
      { missingHolidays: missing },
    );
  }
  return missing;
}

/**
 * Imports a validated calendar year (from `parseCalendarFile`), replacing any earlier import
 * of that year, and records the change in the audit trail in the same transaction; `afterImport`
 * runs in it too, with the new calendar.
 */
export async function importCalendarYear<R = unknown>(
  db: Db,
  actor: Actor,
  year: CalendarYear,
  clock: Clock,
  options: ImportOptions<R> = {},
): Promise<ImportResult<R>> {
  authorizeCalendarChange(actor);
  const missing = checkStatutoryHolidays(year, options.confirmMissingHolidays === true);
  return db.transaction().execute(async (tx) => {
    const owned = await repo.findDaysOwnedByOtherYears(
      tx,
      year.year,
      year.days.map((d) => d.date),
    );
    if (owned.size > 0) {
      const list = [...owned].map(([date, other]) => `${formatChineseDate(date)}已列入${other}年的日历`).join('；');
      throw new DomainError('DATA_INVALID', `日历文件与已导入的其他年份冲突：${list}`, {
        conflicts: Object.fromEntries(owned),
      });
    }
    const before = await repo.findImportedYear(tx, year.year);
    const importedAt = clock.now().toISOString();
    await repo.replaceYear(tx, year, { source: 'import', importedAt, importedBy: actor.name });
    const overridesBundled = loadBundledYears().some((b) => b.year === year.year);
    const what = before ? '重新导入' : overridesBundled ? '导入并替换内置的' : '导入';
    await recordAudit(
      tx,
      actor,
      {
        agencyId: null,
        action: 'calendar.import',
        subjectType: 'calendar_year',
        subjectId: String(year.year),
        summary: `${what}${year.year}年节假日安排（${year.notice.title}），共${year.days.length}天${
          missing.length
            ? `；经确认，文件缺少法定节假日${missing.map((m) => `${m.name}（${formatChineseDate(m.date)}）`).join('、')}`
            : ''
        }`,
        ...(before ? { before } : {}),
        after: year,
      },
      clock,
    );
    const after = options.afterImport
      ? await options.afterImport(
          tx,
          Calendar.fromYears([...loadBundledYears(), ...(await repo.findImportedYears(tx))]),
        )
      : undefined;
    return {
      year: year.year,
      days: year.days.length,
      replacedImport: before !== undefined,
      overridesBundled,
      ...(after !== undefined ? { after } : {}),
    };
  });
}
