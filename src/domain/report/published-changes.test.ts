import { describe, expect, it } from 'vitest';
import {
  V2019,
  assembleReport,
  changesSincePublication,
  previewMark,
  reportDeadline,
  reportDeadlineKind,
  reportDueState,
  reportYearEnded,
} from './index.ts';
import { luojiang2020 } from './figures.fixtures.ts';

describe('changed since publication', () => {
  it('lists every cell that moved, by its printed labels', () => {
    const f = luojiang2020();
    const published = assembleReport({ agency: { name: 'x' }, year: 2020, figures: f });
    expect(changesSincePublication(published, structuredClone(published))).toEqual([]);
    f.applications.received = [0, 1, 0, 0, 0, 0];
    f.applications.closed.granted = [0, 1, 0, 0, 0, 0];
    const now = assembleReport({ agency: { name: 'x' }, year: 2020, figures: f });
    const changes = changesSincePublication(published, now);
    expect(changes.map((c) => c.where)).toEqual([
      'table3.received[1]',
      'table3.received[6]',
      'table3.granted[1]',
      'table3.granted[6]',
      'table3.total[1]',
      'table3.total[6]',
    ]);
    expect(changes[0]).toEqual({
      where: 'table3.received[1]',
      label: '表三「一、本年新收政府信息公开申请数量」行「商业企业」列',
      published: 0,
      current: 1,
    });
  });

  it('treats a change of format as a change of the whole report', () => {
    const a = assembleReport({ agency: { name: 'x' }, year: 2021, figures: luojiang2020() });
    const b = assembleReport({ agency: { name: 'x' }, year: 2021, figures: luojiang2020(), format: V2019 });
    expect(changesSincePublication(a, b)).toEqual([
      { where: 'format', label: '报告格式', published: null, current: null },
    ]);
  });
});

describe('statutory publication dates (第四十九条)', () => {
  it('departments by 31 January, governments by 31 March, townships by setting', () => {
    expect(reportDeadline('department', 2025)).toBe('2026-01-31');
    expect(reportDeadline('county', 2025)).toBe('2026-03-31');
    expect(reportDeadline('province', 2025)).toBe('2026-03-31');
    expect(reportDeadline('township', 2025)).toBe('2026-01-31');
    expect(reportDeadline('township', 2025, { township: 'march', remindFrom: '01-15' })).toBe('2026-03-31');
  });

  it('takes the kind from the tree: a department under a township is a township office', () => {
    expect(reportDeadlineKind('department', ['county', 'city'])).toBe('department');
    expect(reportDeadlineKind('department', ['department', 'county'])).toBe('department');
    expect(reportDeadlineKind('department', ['township', 'county'])).toBe('township');
    expect(reportDeadlineKind('department', [])).toBe('department');
    expect(reportDeadlineKind('city')).toBe('government');
    expect(reportDeadlineKind('township')).toBe('township');
    expect(
      reportDeadline(reportDeadlineKind('department', ['township']), 2025, { township: 'march', remindFrom: '01-15' }),
    ).toBe('2026-03-31');
  });

  it('marks a year not yet ended as a preview, by the Beijing date', () => {
    expect(reportYearEnded(2026, '2026-12-31')).toBe(false);
    expect(reportYearEnded(2026, '2027-01-01')).toBe(true);
    expect(previewMark('2026-12-07')).toBe('截至12月7日，未到发布时间');
    expect(reportDueState('department', 2026, '2026-12-07', null)).toBe('year_not_ended');
  });

  it('reminds from mid-January and turns overdue the day after the deadline', () => {
    expect(reportDueState('department', 2025, '2026-01-14', null)).toBe('not_due');
    expect(reportDueState('department', 2025, '2026-01-15', null)).toBe('due_soon');
    expect(reportDueState('department', 2025, '2026-01-31', null)).toBe('due_soon');
    expect(reportDueState('department', 2025, '2026-02-01', null)).toBe('overdue');
    expect(reportDueState('county', 2025, '2026-02-01', null)).toBe('due_soon');
    expect(reportDueState('department', 2025, '2026-02-01', '2026-01-20')).toBe('published');
  });
});
