/**
 * Calendar dates as integers. Every statutory date is an Asia/Shanghai calendar date
 * (lifecycle.md), so no time zone or instant is involved here: a date is the number of
 * days since 1970-01-01 in the proleptic Gregorian calendar ("day number"). The engine
 * computes on day numbers and converts to `YYYY-MM-DD` only at its edges.
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (Howard Hinnant's civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads two to four ASCII digits at `start`; -1 if any character is not a digit. */
function digits(s: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Day number of a strict `YYYY-MM-DD` string, or `undefined` when the string is not a real
 * date (2025-02-29, 2025-13-01, 2025-1-1 …). Hot path of the engine: no regex, no Date.
 */
export function tryParseIsoDate(s: string): number | undefined {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday: an ordinary weekend day (公休日) unless a notice says otherwise. */
export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

/** Calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber).year;
}

/** Chinese long form used in letters and explanations: 2021年1月6日 (DESIGN.md rule 6). */
export function formatChineseDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${year}年${month}月${day}日`;
}

/** Chinese short form without the year: 1月6日. */
export function formatChineseMonthDay(dayNumber: number): string {
  const { month, day } = civilOf(dayNumber);
  return `${month}月${day}日`;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** 星期一 … 星期日. */
export function chineseWeekdayName(dayNumber: number): string {
  return WEEKDAY_NAMES[weekdayOf(dayNumber)] ?? '';
}
