/**
 * Stored events → the clock. The clock is recomputed by `computeClock` on every event and by
 * the sweep; its results are stored on the application row for queries (state, due date with
 * its rule, closure), never treated as the truth: the events are.
 */
import type { Calendar } from '../../domain/calendar/calendar.ts';
import { computeClock } from '../../domain/clock/compute.ts';
import type { ClockEvent, ClockResult } from '../../domain/clock/types.ts';
import { dueRuleOf } from '../../domain/applications/due-rule.ts';
import { inboxKey, type ApplicationRecord } from './applications.repository.ts';
import type { EventRecord } from './applications.events.repository.ts';

/** Stored event types the clock reads (src/domain/clock/types.ts); the others are workflow steps. */
export const CLOCK_EVENT_TYPES = new Set([
  'arrived',
  'received',
  'answeredOnSpot',
  'correctionRequested',
  'correctionReceived',
  'consultationSent',
  'consultationAnswered',
  'extensionApproved',
  'feeNotice',
  'feeNoticeReceived',
  'feePaid',
  'delayedReplySet',
  'replied',
  'withdrawn',
]);

/** The clock events among the stored events, in order. */
export function clockEventsOf(events: readonly EventRecord[]): ClockEvent[] {
  return events
    .filter((e) => CLOCK_EVENT_TYPES.has(e.type))
    .map((e) => ({ ...e.payload, type: e.type, date: e.date }) as unknown as ClockEvent);
}

/** The clock of an application on `today` (provisional past the loaded calendar years, flagged). */
export function clockOf(events: readonly EventRecord[], today: string, calendar: Calendar): ClockResult {
  return computeClock({ events: clockEventsOf(events), today, calendar, provisional: true });
}

/** The columns derived from the clock, stored for queries. */
export type DerivedColumns = Pick<
  ApplicationRecord,
  | 'state'
  | 'receivedDate'
  | 'replyDue'
  | 'dueRule'
  | 'dueProvisional'
  | 'closedDate'
  | 'closedBy'
  | 'outcome'
  | 'inboxKey'
>;

/** The derived columns stored for queries, with the inbox's sort key that follows from them. */
export function derivedColumns(clock: ClockResult, events: readonly EventRecord[]): DerivedColumns {
  const delayed = events.some((e) => e.type === 'delayedReplySet');
  return {
    state: clock.state,
    receivedDate: clock.receivedDate,
    replyDue: clock.replyDue,
    dueRule: dueRuleOf(clock, delayed),
    // 暂定 beside the reply due date (lifecycle.md "Provisional years"); a calendar import recomputes it.
    dueProvisional: clock.replyDueProvisional,
    closedDate: clock.closed,
    closedBy: clock.closedBy,
    outcome: clock.outcome,
    inboxKey: inboxKey(clock.state, clock.replyDue),
  };
}
