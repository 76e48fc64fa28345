import { describe, it } from 'vitest';
import fc from 'fast-check';
import { Calendar } from '../calendar/calendar.ts';
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
