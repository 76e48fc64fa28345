import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Calendar, parseDate } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { dayNumberOf, formatIsoDate, tryParseIsoDate } from '../calendar/dates.ts';
import { computeClock } from './compute.ts';
import type { ClockEvent } from './types.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const TODAY = '2026-12-31';
const receipt = fc.integer({ min: dayNumberOf(2007, 1, 1), max: dayNumberOf(2025, 12, 31) });

function due(events: ClockEvent[]): string {
  const replyDue = computeClock({ events, today: TODAY, calendar }).replyDue;
  if (replyDue === null) throw new Error('no reply due date');
  return replyDue;
}

describe('clock properties', () => {
  it('the reply due date is always a working day', () => {
    fc.assert(fc.property(receipt, (r) => calendar.isWorkingDay(due([{ type: 'received', date: formatIsoDate(r) }]))));
  });

  it('a longer extension never gives an earlier due date (monotonic in the number of working days)', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 19 }), (r, k) => {
        const received: ClockEvent = { type: 'received', date: formatIsoDate(r) };
        const approve = (days: number): ClockEvent => ({
          type: 'extensionApproved',
          date: formatIsoDate(r),
          workingDays: days,
        });
        return due([received, approve(k)]) < due([received, approve(k + 1)]);
      }),
    );
  });

  it('第三十三条第三款: a pause of k working days moves the due date by exactly k working days', () => {
    fc.assert(
      fc.property(
        receipt,
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (r, offset, length, byFee) => {
          const received = formatIsoDate(r);
          const plain = due([{ type: 'received', date: received }]);
          // The pause starts inside the reply period (on or after receipt, before the plain due date).
          const start = Math.min(r + offset, (tryParseIsoDate(plain) as number) - 1);
          const answered = start + length;
          const events: ClockEvent[] = byFee
            ? [
                { type: 'received', date: received },
                { type: 'feeNotice', date: formatIsoDate(start) },
                { type: 'feePaid', date: formatIsoDate(Math.min(answered, start + 25)) },
              ]
            : [
                { type: 'received', date: received },
                { type: 'consultationSent', date: formatIsoDate(start) },
                { type: 'consultationAnswered', date: formatIsoDate(answered) },
              ];
          const result = computeClock({ events, today: TODAY, calendar });
          const pauseEnd = byFee
            ? (tryParseIsoDate(result.feePaidDate as string) as number)
            : (tryParseIsoDate(result.consultations[0]?.pauseEnd as string) as number);
          const k = calendar.workingDaysBetween(formatIsoDate(start), formatIsoDate(pauseEnd));
          return calendar.workingDaysBetween(plain, result.replyDue as string) === k;
        },
      ),
    );
  });
});

describe('facts entered late: the clock depends on the dated events, not on the order they were entered in', () => {
  const scenarios: ClockEvent[][] = [
    [
      { type: 'received', date: '2025-09-15' },
      { type: 'consultationSent', date: '2025-09-22', party: 'third', consultationId: 'a' },
      { type: 'consultationSent', date: '2025-10-09', party: 'agency', consultationId: 'b' },
      { type: 'consultationAnswered', date: '2025-10-16', party: 'third', consultationId: 'a' },
      { type: 'consultationAnswered', date: '2025-10-24', party: 'agency', consultationId: 'b' },
      { type: 'extensionApproved', date: '2025-11-10', workingDays: 15 },
      { type: 'replied', date: '2025-11-28', outcome: 'granted' },
    ],
    [
      { type: 'received', date: '2025-01-20' },
      { type: 'correctionRequested', date: '2025-01-20' },
      { type: 'correctionReceived', date: '2025-02-10' },
      { type: 'feeNotice', date: '2025-02-10' },
      { type: 'feePaid', date: '2025-02-20' },
      { type: 'replied', date: '2025-03-20', outcome: 'partial' },
    ],
  ];
  it('any permutation of the same events gives the same clock on every day', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: scenarios.length - 1 })
          .chain((i) =>
            fc.tuple(fc.constant(i), fc.shuffledSubarray(scenarios[i]!, { minLength: scenarios[i]!.length })),
          ),
        fc.integer({ min: 0, max: 80 }),
        ([i, shuffled], offset) => {
          const today = formatIsoDate(parseDate(scenarios[i]![0]!.date) + offset);
          const known = (events: ClockEvent[]) => events.filter((e) => e.date <= today);
          const inOrder = computeClock({ events: known(scenarios[i]!), today, calendar });
          const entered = computeClock({ events: known(shuffled), today, calendar });
          expect({ ...entered, explanation: null }).toEqual({ ...inOrder, explanation: null });
        },
      ),
      { numRuns: 300 },
    );
  });
});
