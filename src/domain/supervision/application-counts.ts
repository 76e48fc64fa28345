/**
 * Counting a subtree's applications for the supervisor from one pass over them. The database
 * groups the applications by the facts these rules read (agency, outcome, receipt and closure
 * dates, open/overdue/late, whether reasons and a legal basis are written) — one statement,
 * grouped rows rather than one row per application — and these pure functions turn the groups
 * into each agency's figures and the monthly trend: received and closed in the period, open and
 * overdue today, closed late, outcomes by table 三 row, working days to reply (第三十三条),
 * replies that must state reasons (第三十六条) and whether they do.
 */
import type { Calendar } from '../calendar/calendar.ts';
import { isOutcomeKey } from '../clock/outcomes.ts';
import type { ApplicationStats } from './statistics.ts';

/** Applications of one agency that share every fact the counting reads (`count` of them). */
export interface ApplicationGroup {
  agencyId: string;
  outcome: string | null;
  /** 收到申请之日 (第三十一条); null while not yet known. */
  receivedDate: string | null;
  closedDate: string | null;
  /** Not closed today. */
  open: boolean;
  /** Not closed and past its reply due date today (第三十三条). */
  overdueNow: boolean;
  /** Closed after its reply due date. */
  closedAfterDue: boolean;
  /** The decision states its reasons. */
  hasReasons: boolean;
  /** The decision cites its legal basis. */
  hasBasis: boolean;
  count: number;
}

/** One month of the trend: received, closed and closed late in that month. */
export interface MonthCount {
  month: string;
  received: number;
  closed: number;
  closedLate: number;
}

/**
 * Outcomes that need no reasons: 予以公开, and the lapses the clock records itself (第三十条
 * 逾期不补正, fees not paid). Every other reply states why: 部分公开 and 不予公开 their reasons
 * (第三十六条第三项、第三十七条), the others at least their legal basis (第三十六条第四项至第七项).
 */
const NO_REASONS_NEEDED: ReadonlySet<string> = new Set(['granted', 'other_no_correction', 'other_no_fee']);

/** Whether a reply with this outcome must state why (第三十六条). */
export function replyNeedsReasons(outcome: string | null): boolean {
  return outcome !== null && !NO_REASONS_NEEDED.has(outcome);
}

/**
 * Whether a reply that needs reasons gives them: written reasons always do; for outcomes other
 * than 部分公开 and 不予公开 (which must explain what is withheld and why) the legal basis is enough.
 */
export function replyStatesReasons(outcome: string, hasReasons: boolean, hasBasis: boolean): boolean {
  if (hasReasons) return true;
  return outcome !== 'partial' && !outcome.startsWith('withheld') && hasBasis;
}

/**
 * Adds the groups into each agency's application figures (`at` returns the figures of an agency,
 * or null for one the supervisor may not see) and returns the monthly trend over all of them.
 * `workingDays` counts working days from receipt to closure (the calendar; memoised here, since
 * many applications share a pair of dates).
 */
export function countApplications(
  groups: Iterable<ApplicationGroup>,
  period: { from: string; to: string },
  at: (agencyId: string) => ApplicationStats | null,
  workingDays: Pick<Calendar, 'workingDaysBetween'>,
): MonthCount[] {
  const { from, to } = period;
  const inPeriod = (d: string | null): d is string => d !== null && d >= from && d <= to;
  const months = new Map<string, MonthCount>();
  const month = (d: string) => {
    const m = d.slice(0, 7);
    let row = months.get(m);
    if (!row) months.set(m, (row = { month: m, received: 0, closed: 0, closedLate: 0 }));
    return row;
  };
  const spans = new Map<string, number>();
  for (const g of groups) {
    const n = g.count;
    const received = inPeriod(g.receivedDate);
    const closed = inPeriod(g.closedDate);
    if (received) month(g.receivedDate!).received += n;
    if (closed) {
      const m = month(g.closedDate!);
      m.closed += n;
      if (g.closedAfterDue) m.closedLate += n;
    }
    const s = at(g.agencyId);
    if (!s) continue;
    if (received) s.received += n;
    if (g.open) s.open += n;
    if (g.overdueNow) s.overdueNow += n;
    if (!closed) continue;
    s.closed += n;
    if (g.closedAfterDue) s.closedLate += n;
    if (g.outcome !== null && isOutcomeKey(g.outcome)) s.outcomes[g.outcome] += n;
    if (replyNeedsReasons(g.outcome)) {
      s.refusals += n;
      if (replyStatesReasons(g.outcome!, g.hasReasons, g.hasBasis)) s.refusalsWithReasons += n;
    }
    if (g.receivedDate !== null) {
      // Working days from receipt to closure (第三十三条 counts in working days), once per date pair.
      const key = `${g.receivedDate}|${g.closedDate}`;
      let days = spans.get(key);
      if (days === undefined) {
        days = Math.max(0, workingDays.workingDaysBetween(g.receivedDate, g.closedDate!, { provisional: true }).value);
        spans.set(key, days);
      }
      s.replyDays[days] = (s.replyDays[days] ?? 0) + n;
    }
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
