import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { computeClock } from '../clock/compute.ts';
import { remindersDue } from './reminders.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const clockOn = (today: string) => computeClock({ events: [{ type: 'received', date: '2025-03-03' }], today, calendar });

describe('reminders: 3 working days before each deadline and when passed', () => {
  it('the reply due date of an application received 2025-03-03 is 2025-03-31 (第三十三条)', () => {
    expect(clockOn('2025-03-04').replyDue).toBe('2025-03-31');
  });
  it('nothing earlier than 3 working days before', () => {
    expect(remindersDue(clockOn('2025-03-25'), '2025-03-25', calendar).filter((r) => r.kind === 'reply')).toEqual([]);
  });
  it('"approaching" from 3 working days before (Wed 26 March: 27, 28, 31 remain)', () => {
    expect(remindersDue(clockOn('2025-03-26'), '2025-03-26', calendar).filter((r) => r.kind === 'reply')).toEqual([
      { key: 'reply:2025-03-31:approaching', kind: 'reply', stage: 'approaching', deadline: '2025-03-31' },
    ]);
  });
  it('"passed" the day after, with a different key so each is sent once', () => {
    const r = remindersDue(clockOn('2025-04-01'), '2025-04-01', calendar).find((x) => x.kind === 'reply');
    expect(r?.key).toBe('reply:2025-03-31:passed');
  });
  it('a closed application has no reminders', () => {
    const closed = computeClock({ events: [{ type: 'received', date: '2025-03-03' }, { type: 'replied', date: '2025-03-05', outcome: 'granted' }], today: '2025-04-01', calendar });
    expect(remindersDue(closed, '2025-04-01', calendar)).toEqual([]);
  });
});
