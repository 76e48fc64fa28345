/**
 * Calendar years in the database: importing a year (audited) and the calendar in force,
 * i.e. the bundled years 2007–2026 overridden or extended by the imported ones. Deadlines
 * depend on it; after an import, callers recompute the deadlines of open applications
 * (lifecycle.md: "recomputed … whenever a calendar year is imported").
 */
import type { Db } from '../../db/database.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
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

export interface ImportResult {
  readonly year: number;
  readonly days: number;
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

/**
 * Imports a validated calendar year (from `parseCalendarFile`), replacing any earlier import
 * of that year, and records the change in the audit trail in the same transaction.
 */
export async function importCalendarYear(
  db: Db,
  actor: Actor,
  year: CalendarYear,
  clock: Clock,
): Promise<ImportResult> {
  authorizeCalendarChange(actor);
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
        summary: `${what}${year.year}年节假日安排（${year.notice.title}），共${year.days.length}天`,
        ...(before ? { before } : {}),
        after: year,
      },
      clock,
    );
    return { year: year.year, days: year.days.length, replacedImport: before !== undefined, overridesBundled };
  });
}
