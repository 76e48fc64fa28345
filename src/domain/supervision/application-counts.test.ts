import { describe, expect, it } from 'vitest';
import { loadBundledYears } from '../calendar/bundled.ts';
import { Calendar } from '../calendar/calendar.ts';
import {
  countApplications,
  replyNeedsReasons,
  replyStatesReasons,
  type ApplicationGroup,
} from './application-counts.ts';
import { emptyStats, type ApplicationStats } from './statistics.ts';

const calendar = Calendar.fromYears(loadBundledYears());

const group = (g: Partial<ApplicationGroup>): ApplicationGroup => ({
  agencyId: 'a',
  outcome: null,
  receivedDate: null,
  closedDate: null,
  open: false,
  overdueNow: false,
  closedAfterDue: false,
  hasReasons: false,
  hasBasis: false,
  count: 1,
  ...g,
});

describe('counting applications from grouped rows', () => {
  it('第三十六条: which replies must state why, and what counts as stating it', () => {
    expect(replyNeedsReasons('granted')).toBe(false);
    expect(replyNeedsReasons('other_no_fee')).toBe(false);
    expect(replyNeedsReasons(null)).toBe(false);
    expect(replyNeedsReasons('withheld_third_party')).toBe(true);
    // 部分公开 and 不予公开 need written reasons; a legal basis alone is not enough for them.
    expect(replyStatesReasons('partial', false, true)).toBe(false);
    expect(replyStatesReasons('withheld_state_secret', false, true)).toBe(false);
    expect(replyStatesReasons('withheld_state_secret', true, false)).toBe(true);
    expect(replyStatesReasons('unavailable_not_held', false, true)).toBe(true);
    expect(replyStatesReasons('unavailable_not_held', false, false)).toBe(false);
  });

  it('counts by the period, per agency, with working days and the monthly trend; hidden agencies count only in the trend', () => {
    const stats = new Map<string, ApplicationStats>([['a', emptyStats().applications]]);
    const months = countApplications(
      [
        // Received 2024-09-27, closed 2024-10-30: 20 working days (the National Day week off).
        group({ outcome: 'granted', receivedDate: '2024-09-27', closedDate: '2024-10-30', count: 2 }),
        group({
          outcome: 'partial',
          receivedDate: '2024-10-08',
          closedDate: '2024-11-20',
          closedAfterDue: true,
          hasBasis: true,
        }),
        // Received before the period, closed in it; open and overdue today.
        group({ outcome: 'rejected_repeat', receivedDate: '2024-06-03', closedDate: '2024-10-09', hasBasis: true }),
        group({ receivedDate: '2024-12-30', open: true, overdueNow: true, count: 3 }),
        group({ receivedDate: '2025-01-02', open: true }),
        group({ agencyId: 'hidden', outcome: 'granted', receivedDate: '2024-10-10', closedDate: '2024-10-11' }),
      ],
      { from: '2024-10-01', to: '2024-12-31' },
      (id) => stats.get(id) ?? null,
      calendar,
    );
    const a = stats.get('a')!;
    expect(a).toMatchObject({
      received: 4,
      closed: 4,
      open: 4,
      overdueNow: 3,
      closedLate: 1,
      refusals: 2,
      refusalsWithReasons: 1,
    });
    expect(a.outcomes).toMatchObject({ granted: 2, partial: 1, rejected_repeat: 1 });
    expect(a.replyDays[20]).toBe(2);
    expect(Object.values(a.replyDays).reduce((n, v) => n + v, 0)).toBe(4);
    expect(months).toEqual([
      { month: '2024-10', received: 2, closed: 4, closedLate: 0 },
      { month: '2024-11', received: 0, closed: 1, closedLate: 1 },
      { month: '2024-12', received: 3, closed: 0, closedLate: 0 },
    ]);
  });
});
