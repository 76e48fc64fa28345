/** The official calendar (节假日安排) endpoints: the loaded years and importing a new one. */
import { request } from './client.ts';
import type { ItemList } from './types.ts';

export interface CalendarNotice {
  title: string;
  documentNo: string | null;
  date: string | null;
}

export interface CalendarYearSummary {
  year: number;
  /** bundled: shipped with Gongkai; import: imported into this database. */
  source: 'bundled' | 'import';
  notice: CalendarNotice;
  days: number;
  overridesBundled: boolean;
  importedAt: string | null;
  importedBy: string | null;
}

export interface CalendarImportInput {
  fileName: string;
  /** The file's text… */
  content?: string;
  /** …or its bytes in base64 (UTF-8 or GB18030). */
  contentBase64?: string;
  confirmMissingHolidays?: boolean;
  year?: number;
  noticeTitle?: string;
  documentNo?: string;
  noticeDate?: string;
  dryRun?: boolean;
}

export interface CalendarImportResult {
  year: number;
  days: number;
  dryRun: boolean;
  replacedImport: boolean;
  overridesBundled: boolean;
  missingHolidays: Array<{ name: string; date: string }>;
  recomputed: number;
  changed: number;
  noticesSettled: number;
  followUps: number;
}

/** One problem in an uploaded calendar file (the problem body's `issues`). */
export interface CalendarIssue {
  where: string | null;
  date: string | null;
  message: string;
}

export const calendarApi = {
  years: (signal?: AbortSignal) => request<ItemList<CalendarYearSummary>>('GET', '/calendar/years', { signal }),
  importYear: (input: CalendarImportInput) =>
    request<CalendarImportResult>('POST', '/calendar/import', { body: input }),
};
