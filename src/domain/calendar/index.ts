/** The working-day calendar: data, engine and calendar-file import (all pure). */
export { Calendar, calendarNotLoaded, parseDate } from './calendar.ts';
export type { CountOptions, DayStatus, Provisional } from './calendar.ts';
export { loadBundledYears } from './bundled.ts';
export { parseCalendarFile, detectCalendarFormat } from './parse.ts';
export type { CalendarFileDefaults, CalendarFileFormat } from './parse.ts';
export { validateCalendarYear, normalizeKind } from './validate.ts';
export type { CalendarIssue, RawCalendarDay, RawCalendarYear } from './validate.ts';
export * from './dates.ts';
export type { CalendarDay, CalendarNotice, CalendarYear, DayKind } from './types.ts';
