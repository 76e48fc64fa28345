/**
 * Validation of a calendar year read from a file (JSON, CSV or .ics) before it is imported.
 * Every problem is reported at once, in Chinese, naming the line (or item) and the date, so
 * that the administrator can fix the file in one pass.
 *
 * Rules (docs/calendar.md "Import"):
 * 1. the year is required;
 * 2. the notice title is required (every arrangement comes from a notice; DESIGN.md
 *    "Calendar: … with the source notice"); its 文号 and 成文日期 are optional;
 * 3. every date is a real date inside the year or its adjacent December/January (a notice can
 *    move days around New Year, e.g. 2018-12-29 was a working day under the 2019 notice);
 * 4. no date is listed twice;
 * 5. a make-up working day (调休上班) falls on a Saturday or Sunday — a weekday is a working day
 *    anyway, so listing one as `work` is a mistake in the file;
 * 6. a day off on an ordinary Saturday or Sunday is accepted only when it is listed as part of
 *    a holiday, i.e. it carries the holiday's name (the notices list weekend days inside a
 *    holiday, 「10月1日至7日放假调休」, and occasionally a holiday that falls on a weekend,
 *    「中秋节：9月27日放假」 in 2015); an unnamed weekend day off adds nothing and usually means
 *    the file confused 休 and 班.
 */
import { DomainError } from '../errors.ts';
import { dayNumberOf, formatChineseDate, isWeekend, tryParseIsoDate, chineseWeekdayName } from './dates.ts';
import type { CalendarDay, CalendarNotice, CalendarYear, DayKind } from './types.ts';

/** A day as read from a file, before validation. */
export interface RawCalendarDay {
  readonly date: string;
  readonly kind: string;
  readonly name: string | null;
  /** Where it was read, in Chinese: 第3行, 第2项, 第4个VEVENT（第20行）. */
  readonly where: string;
}

/** A year as read from a file, before validation. */
export interface RawCalendarYear {
  readonly year: number | null;
  readonly notice: { readonly title: string | null; readonly documentNo: string | null; readonly date: string | null };
  readonly supplements?: readonly CalendarNotice[];
  readonly days: readonly RawCalendarDay[];
}

/** One validation problem. */
export interface CalendarIssue {
  readonly where: string | null;
  readonly date: string | null;
  readonly message: string;
}

const KIND_WORDS: Record<string, DayKind> = {
  off: 'off',
  休: 'off',
  休息: 'off',
  放假: 'off',
  work: 'work',
  班: 'work',
  上班: 'work',
  补班: 'work',
};

/** The day kind for off/work and their Chinese forms 休/班; undefined otherwise. */
export function normalizeKind(kind: string): DayKind | undefined {
  return KIND_WORDS[kind.trim().toLowerCase()];
}

/** The error thrown for an invalid file; `details.errors` lists every issue. */
export function calendarFileInvalid(issues: readonly CalendarIssue[]): DomainError {
  const lines = issues.map((i) => [i.where, i.message].filter(Boolean).join('：'));
  return new DomainError('DATA_INVALID', `日历文件有${issues.length}处错误：\n${lines.join('\n')}`, { errors: issues });
}

/** Validates a raw year; returns the clean year or throws DATA_INVALID listing every issue. */
export function validateCalendarYear(raw: RawCalendarYear): CalendarYear {
  const issues: CalendarIssue[] = [];
  const fail = (where: string | null, date: string | null, message: string): void => {
    issues.push({ where, date, message });
  };

  const year = raw.year;
  const yearOk = year !== null && Number.isInteger(year) && year >= 1949 && year <= 2200;
  if (!yearOk) {
    fail(
      null,
      null,
      year === null ? '缺少年份（请在文件中写明 year，或用 --year 指定）' : `年份不正确：${String(year)}`,
    );
  }
  const title = raw.notice.title?.trim() ?? '';
  if (title === '') fail(null, null, '缺少节假日安排通知的标题（如：国务院办公厅关于2027年部分节假日安排的通知）');
  if (raw.notice.date !== null && tryParseIsoDate(raw.notice.date) === undefined) {
    fail(null, raw.notice.date, `通知的成文日期格式不正确：${raw.notice.date}（应为YYYY-MM-DD）`);
  }
  if (raw.days.length === 0) fail(null, null, '文件中没有任何放假或调休上班的日期');

  // Without a usable year the range rule cannot be checked; the year's own issue is reported.
  const first = yearOk ? dayNumberOf(year - 1, 12, 1) : Number.NEGATIVE_INFINITY;
  const last = yearOk ? dayNumberOf(year + 1, 1, 31) : Number.POSITIVE_INFINITY;
  const seen = new Map<number, string>();
  const days: CalendarDay[] = [];

  for (const rawDay of raw.days) {
    const day = tryParseIsoDate(rawDay.date);
    if (day === undefined) {
      fail(rawDay.where, rawDay.date, `日期格式不正确：「${rawDay.date}」（应为YYYY-MM-DD，且须为真实存在的日期）`);
      continue;
    }
    const kind = normalizeKind(rawDay.kind);
    const name = rawDay.name?.trim() || null;
    const label = formatChineseDate(day);
    if (!kind) fail(rawDay.where, rawDay.date, `${label}的类型「${rawDay.kind}」无法识别（应为 off/休 或 work/班）`);
    if (day < first || day > last) {
      fail(rawDay.where, rawDay.date, `${label}不在${String(year)}年及其前一年12月、后一年1月的范围内`);
    }
    const previous = seen.get(day);
    if (previous !== undefined) fail(rawDay.where, rawDay.date, `${label}重复出现（已见于${previous}）`);
    else seen.set(day, rawDay.where);
    if (kind === 'work' && !isWeekend(day)) {
      fail(
        rawDay.where,
        rawDay.date,
        `${label}是${chineseWeekdayName(day)}，本来就是工作日，不能列为调休上班日（调休上班日只能是星期六或星期日）`,
      );
    }
    if (kind === 'off' && isWeekend(day) && name === null) {
      fail(
        rawDay.where,
        rawDay.date,
        `${label}是${chineseWeekdayName(day)}，本来就休息；只有列为某个节日放假期间的一天时才可列出，请写明节日名称`,
      );
    }
    if (kind) days.push({ date: rawDay.date, kind, name });
  }

  if (issues.length > 0) throw calendarFileInvalid(issues);
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const notice: CalendarNotice = { title, documentNo: raw.notice.documentNo?.trim() || null, date: raw.notice.date };
  return {
    year: year as number,
    notice,
    ...(raw.supplements && raw.supplements.length > 0 ? { supplements: raw.supplements } : {}),
    days,
  };
}
