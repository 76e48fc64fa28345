/**
 * iCalendar (.ics) calendar files, such as those published by holiday-cn or chinese-days.
 * Each VEVENT covers the dates from DTSTART up to, not including, DTEND (RFC 5545; a single
 * day when DTEND is absent). How the kind of day is encoded:
 *
 * - `X-GONGKAI-KIND:off|work|休|班` on the VEVENT, when present, decides;
 * - otherwise the SUMMARY does: containing 班 (上班, 补班, 「春节(班)」) → make-up working day;
 *   otherwise containing 休 or 假 (「元旦(休)」, 「元旦假期」) → day off; anything else is an error.
 *
 * The holiday name is the SUMMARY without those words (「上班(补元旦假期)」 → 元旦). The year and
 * notice come from `X-GONGKAI-YEAR`, `X-GONGKAI-NOTICE`, `X-GONGKAI-DOCUMENT-NO` and
 * `X-GONGKAI-NOTICE-DATE` on the VCALENDAR, or from the caller. Times with a `Z` (UTC) are
 * converted to the Asia/Shanghai date (UTC+8, no daylight saving since 1991).
 */
import { dayNumberOf, formatIsoDate } from './dates.ts';
import {
  calendarFileInvalid,
  normalizeKind,
  type CalendarIssue,
  type RawCalendarDay,
  type RawCalendarYear,
} from './validate.ts';

interface Property {
  readonly name: string;
  readonly params: string;
  readonly value: string;
  readonly line: number;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits `NAME;PARAMS:VALUE`. */
function readProperties(source: string): Property[] {
  const physical = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const logical: Array<{ text: string; line: number }> = [];
  physical.forEach((text, i) => {
    const last = logical[logical.length - 1];
    if ((text.startsWith(' ') || text.startsWith('\t')) && last) last.text += text.slice(1);
    else if (text.trim() !== '') logical.push({ text, line: i + 1 });
  });
  return logical.map(({ text, line }) => {
    const colon = text.indexOf(':');
    const head = colon < 0 ? text : text.slice(0, colon);
    const semicolon = head.indexOf(';');
    return {
      name: (semicolon < 0 ? head : head.slice(0, semicolon)).trim().toUpperCase(),
      params: semicolon < 0 ? '' : head.slice(semicolon + 1),
      value:
        colon < 0
          ? ''
          : text
              .slice(colon + 1)
              .trim()
              .replace(/\\,/g, ',')
              .replace(/\\;/g, ';')
              .replace(/\\n/gi, ' '),
      line,
    };
  });
}

/**
 * The Asia/Shanghai day number of a DATE or DATE-TIME value; for an exclusive end, a
 * DATE-TIME at 00:00:00 ends the day before.
 */
function dayOfValue(value: string, exclusiveEnd: boolean): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) return undefined;
  let day = dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (m[4] === undefined) return exclusiveEnd ? day - 1 : day;
  let seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  if (m[7] === 'Z') seconds += 8 * 3600;
  if (seconds >= 86400) {
    day += 1;
    seconds -= 86400;
  }
  return exclusiveEnd && seconds === 0 ? day - 1 : day;
}

/** The holiday name in a SUMMARY: 「上班(补元旦假期)」 → 元旦, 「春节(休)」 → 春节. */
export function holidayNameOfSummary(summary: string): string | null {
  const name = summary
    .replace(/上班|补班|调休|放假|假期|休息|补/g, '')
    .replace(/[休班()（）[\]【】\s]/g, '')
    .trim();
  return name === '' ? null : name;
}

function kindOfEvent(explicit: string | undefined, summary: string): string {
  if (explicit !== undefined) return explicit;
  if (summary.includes('班')) return 'work';
  if (summary.includes('休') || summary.includes('假')) return 'off';
  return '';
}

/** Reads an .ics calendar file into a raw year (validated later by `validateCalendarYear`). */
export function readCalendarIcs(source: string): RawCalendarYear {
  const properties = readProperties(source);
  if (!properties.some((p) => p.name === 'BEGIN' && p.value.toUpperCase() === 'VCALENDAR')) {
    throw calendarFileInvalid([
      { where: null, date: null, message: '不是有效的 iCalendar 文件（缺少 BEGIN:VCALENDAR）' },
    ]);
  }
  const meta = new Map<string, string>();
  const days: RawCalendarDay[] = [];
  const issues: CalendarIssue[] = [];
  let event: Map<string, Property> | null = null;
  let eventCount = 0;
  let eventLine = 0;
  for (const p of properties) {
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT') {
      event = new Map();
      eventCount++;
      eventLine = p.line;
    } else if (p.name === 'END' && p.value.toUpperCase() === 'VEVENT' && event) {
      readEvent(event, `第${eventCount}个VEVENT（第${eventLine}行）`, days, issues);
      event = null;
    } else if (event) event.set(p.name, p);
    else if (p.name.startsWith('X-GONGKAI-')) meta.set(p.name, p.value);
  }
  if (issues.length > 0) throw calendarFileInvalid(issues);
  const year = meta.get('X-GONGKAI-YEAR');
  return {
    year: year === undefined ? null : Number(year),
    notice: {
      title: meta.get('X-GONGKAI-NOTICE') ?? null,
      documentNo: meta.get('X-GONGKAI-DOCUMENT-NO') ?? null,
      date: meta.get('X-GONGKAI-NOTICE-DATE') ?? null,
    },
    days,
  };
}

function readEvent(event: Map<string, Property>, where: string, days: RawCalendarDay[], issues: CalendarIssue[]): void {
  const start = event.get('DTSTART');
  const from = start ? dayOfValue(start.value, false) : undefined;
  if (!start || from === undefined) {
    issues.push({ where, date: null, message: `缺少或无法识别 DTSTART（${start?.value ?? '无'}）` });
    return;
  }
  const end = event.get('DTEND');
  const to = end ? dayOfValue(end.value, true) : from;
  if (to === undefined || to < from) {
    issues.push({
      where,
      date: formatIsoDate(from),
      message: `无法识别 DTEND（${end?.value ?? '无'}），或早于 DTSTART`,
    });
    return;
  }
  if (to - from > 31) {
    issues.push({ where, date: formatIsoDate(from), message: `一个事件跨越${to - from + 1}天，不像是节假日安排` });
    return;
  }
  const summary = event.get('SUMMARY')?.value ?? '';
  const explicit = event.get('X-GONGKAI-KIND')?.value;
  const kind = kindOfEvent(explicit === undefined ? undefined : (normalizeKind(explicit) ?? explicit), summary);
  if (kind === '') {
    issues.push({
      where,
      date: formatIsoDate(from),
      message: `无法从「${summary}」判断是放假还是调休上班（标题应含“休”或“班”，或加 X-GONGKAI-KIND）`,
    });
    return;
  }
  const name = holidayNameOfSummary(summary);
  for (let day = from; day <= to; day++) days.push({ date: formatIsoDate(day), kind, name, where });
}
