/** The official calendar (节假日安排) endpoints: the loaded years and importing a new one. */
import type { Static } from 'typebox';
import type {
  CalendarIssueSchema,
  ImportBody,
  ImportResultSchema,
  YearSummary,
} from '../../../../modules/calendar/calendar.schemas.ts';
import { request } from './client.ts';
import type { ItemList } from './types.ts';

export type CalendarYearSummary = Static<typeof YearSummary>;
export type CalendarNotice = CalendarYearSummary['notice'];
export type CalendarImportInput = Static<typeof ImportBody>;
export type CalendarImportResult = Static<typeof ImportResultSchema>;
/** One problem of a refused file (the 422 problem's `issues`). */
export type CalendarIssue = Static<typeof CalendarIssueSchema>;

export const calendarApi = {
  years: (signal?: AbortSignal) => request<ItemList<CalendarYearSummary>>('GET', '/calendar/years', { signal }),
  importYear: (input: CalendarImportInput) =>
    request<CalendarImportResult>('POST', '/calendar/import', { body: input }),
};
