import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../errors.ts';
import { parsePeriod, periodMonths } from './period.ts';
import { addStats, emptyStats, quantile, rollUp } from './statistics.ts';

describe('supervision periods', () => {
  it('reads a year, a quarter, a month (leap February) and dates', () => {
    expect(parsePeriod({ year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025年', year: 2025 });
    expect(parsePeriod({ year: '2025', quarter: '4' })).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(parsePeriod({ year: 2024, month: 2 })).toMatchObject({ to: '2024-02-29', label: '2024年2月' });
    expect(parsePeriod({ from: '2024-12-01', to: '2025-01-31' })).toMatchObject({
      label: '2024年12月1日至2025年1月31日',
      year: 2025,
    });
    expect(periodMonths(parsePeriod({ from: '2024-12-01', to: '2025-02-01' }))).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('refuses what makes no sense, naming the field in Chinese', () => {
    const fields = (input: Parameters<typeof parsePeriod>[0]) => {
      try {
        parsePeriod(input);
      } catch (e) {
        return Object.keys((e as ValidationError).fields);
      }
      return [];
    };
    expect(fields({})).toEqual(['year']);
    expect(fields({ year: 1999 })).toEqual(['year']);
    expect(fields({ year: 2025, quarter: 0 })).toEqual(['quarter']);
    expect(fields({ year: 2025, quarter: 1, month: 1 })).toEqual(['period']);
    expect(fields({ from: '2025-02-29', to: '2025-03-01' })).toEqual(['from']);
    expect(fields({ from: '2025-03-01', to: '2025-02-01' })).toEqual(['to']);
    expect(fields({ from: '2010-01-01', to: '2025-02-01' })).toEqual(['to']);
    expect(fields({ year: 2025, from: '2025-01-01', to: '2025-02-01' })).toEqual(['period']);
  });
});

describe('supervision statistics', () => {
  it('quantiles by nearest rank over a histogram', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile({ 3: 1, 10: 1, 20: 2 }, 0.5)).toBe(10);
    expect(quantile({ 3: 1, 10: 1, 20: 2 }, 0.9)).toBe(20);
    expect(quantile({ 12: 9, 30: 1 }, 0.9)).toBe(12);
  });

  it('rolls figures up a tree of any depth; a parent outside the set makes a root', () => {
    const own = new Map<string, ReturnType<typeof emptyStats>>();
    const s = (received: number, days: number) => {
      const x = emptyStats();
      x.applications.received = received;
      x.applications.replyDays[days] = received;
      x.catalog.byItem['a20.1'] = 1;
      return x;
    };
    own.set('county', s(1, 5));
    own.set('bureau', s(2, 10));
    own.set('centre', s(4, 20));
    const parent = new Map<string, string | null>([
      ['county', 'city'],
      ['bureau', 'county'],
      ['centre', 'bureau'],
    ]);
    const up = rollUp(['county', 'bureau', 'centre'], parent, own);
    expect(up.get('county')!.applications.received).toBe(7);
    expect(up.get('bureau')!.applications.received).toBe(6);
    expect(up.get('county')!.applications.replyDays).toEqual({ 5: 1, 10: 2, 20: 4 });
    expect(up.get('county')!.catalog.byItem).toEqual({ 'a20.1': 3 });
    // Adding never changes the input.
    expect(own.get('centre')!.applications.received).toBe(4);
    expect(addStats(emptyStats(), own.get('centre')!).applications.feesYuan).toBe(0);
  });
});
