/**
 * Reading a calendar file for import (`gongkai calendar import FILE`, the console's upload):
 * picks the format from the file name (or content), reads it, applies what the caller
 * supplies (year and notice, for files that cannot carry them) and validates the result.
 */
import { decodeText } from '../csv.ts';
import { readCalendarCsv } from './parse-csv.ts';
import { readCalendarIcs } from './parse-ics.ts';
import { readCalendarJson } from './parse-json.ts';
import { calendarFileInvalid, validateCalendarYear, type CalendarIssue, type RawCalendarYear } from './validate.ts';
import type { CalendarYear } from './types.ts';

export type CalendarFileFormat = 'json' | 'csv' | 'ics';

/** What the caller knows about the year, e.g. from `--year` and `--notice`. */
export interface CalendarFileDefaults {
  readonly year?: number;
  readonly noticeTitle?: string;
  readonly documentNo?: string;
  readonly noticeDate?: string;
}

/** The format by extension, else by content. */
export function detectCalendarFormat(fileName: string, source: string): CalendarFileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.ifb')) return 'ics';
  const head = source.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.toUpperCase().startsWith('BEGIN:VCALENDAR')) return 'ics';
  return 'csv';
}

/** Fills what the file lacks from the defaults; a conflict between the two is an issue. */
function applyDefaults(raw: RawCalendarYear, defaults: CalendarFileDefaults): RawCalendarYear {
  const issues: CalendarIssue[] = [];
  const pick = <T>(fromFile: T | null, fromCaller: T | undefined, label: string): T | null => {
    if (fromCaller === undefined) return fromFile;
    if (fromFile !== null && fromFile !== fromCaller) {
      issues.push({
        where: null,
        date: null,
        message: `文件中的${label}「${String(fromFile)}」与指定的「${String(fromCaller)}」不一致`,
      });
    }
    return fromCaller;
  };
  const merged: RawCalendarYear = {
    ...raw,
    year: pick(raw.year, defaults.year, '年份'),
    notice: {
      title: pick(raw.notice.title, defaults.noticeTitle, '通知标题'),
      documentNo: pick(raw.notice.documentNo, defaults.documentNo, '文号'),
      date: pick(raw.notice.date, defaults.noticeDate, '成文日期'),
    },
  };
  if (issues.length > 0) throw calendarFileInvalid(issues);
  return merged;
}

/**
 * Reads and validates a calendar file; throws DATA_INVALID listing every problem. `source` is the
 * file's text, or its bytes — decoded as UTF-8 or GB18030 (a CSV saved by Excel or WPS on Chinese
 * Windows) by the project's one text decoder (src/domain/csv.ts).
 */
export function parseCalendarFile(
  fileName: string,
  content: string | Uint8Array,
  defaults: CalendarFileDefaults = {},
): CalendarYear {
  const source = typeof content === 'string' ? content : decodeText(content);
  const format = detectCalendarFormat(fileName, source);
  const raw =
    format === 'json' ? readCalendarJson(source) : format === 'ics' ? readCalendarIcs(source) : readCalendarCsv(source);
  return validateCalendarYear(applyDefaults(raw, defaults));
}
