import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { catalogDue, timeliness } from './timeliness.ts';

const calendar = Calendar.fromYears(loadBundledYears());

describe('第二十六条: 20 working days from formation', () => {
  it('skips the 2020 Spring Festival holiday and counts the make-up working day', () => {
    // 2020-01-19 (Sun) was a make-up working day; 1月24日–2月2日 off (extended by 国办发明电〔2020〕1号).
    const due = catalogDue(calendar, { formedOn: '2020-01-10', special: null });
    // 1月13–17日 (5), 19日 make-up (6), 20–23日 (10), 2月3–7日 (15), 10–14日 (20).
    expect(due.due).toBe('2020-02-14');
    expect(due.provisional).toBe(false);
  });

  it('a period set by a special law replaces the 20 days', () => {
    const due = catalogDue(calendar, {
      formedOn: '2025-03-03',
      special: { workingDays: 7, basis: '《某某法》第十条' },
    });
    expect(due.due).toBe('2025-03-12');
    expect(due.explanation).toContain('《某某法》第十条');
  });

  it('late, on time, soon due and overdue', () => {
    expect(timeliness(calendar, '2025-03-31', '2025-03-31', '2025-04-10')).toBe('on_time');
    expect(timeliness(calendar, '2025-03-31', '2025-04-01', '2025-04-10')).toBe('late');
    expect(timeliness(calendar, '2025-03-31', null, '2025-04-01')).toBe('overdue');
    expect(timeliness(calendar, '2025-03-31', null, '2025-03-25')).toBe('soon_due');
    expect(timeliness(calendar, '2025-03-31', null, '2025-03-03')).toBe('pending');
  });
});
