import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { computeClock } from './compute.ts';
import { publicationDue } from './publication.ts';
import type { ClockEvent } from './types.ts';

const calendar = Calendar.fromYears(loadBundledYears());

describe('explanations', () => {
  it('names the rule, the dates and the holidays and make-up days the period crosses (the issue’s example)', () => {
    const r = computeClock({ events: [{ type: 'received', date: '2024-09-27' }], today: '2024-10-08', calendar });
    const text =
      '2024年9月27日收到申请；依据第三十三条，20个工作日内答复，至2024年10月30日（10月1日至7日国庆节休息，9月29日、10月12日调休上班）';
    expect(r.explanation).toEqual({ staff: text, applicant: text });
  });

  it('staff see internal notes, the approver and warnings; the applicant does not', () => {
    const events: ClockEvent[] = [
      { type: 'received', date: '2025-12-10', note: '申请人来电催问' },
      {
        type: 'extensionApproved',
        date: '2026-01-05',
        workingDays: 20,
        approver: '王主任',
        applicantNotifiedDate: '2026-01-05',
      },
    ];
    const r = computeClock({ events, today: '2026-02-06', calendar });
    const chain =
      '2025年12月10日收到申请；2026年1月5日经政府信息公开工作机构负责人同意，延长答复期限20个工作日（第三十三条第二款），2026年1月5日告知申请人；' +
      '依据第三十三条，20个工作日内答复，经批准延长20个工作日，至2026年2月5日（1月1日至3日元旦休息，1月4日调休上班）；截至2026年2月6日已超过答复期限';
    expect(r.explanation.applicant).toBe(chain);
    expect(r.explanation.staff).toBe(
      chain.replace(
        '（第三十三条第二款），2026年1月5日告知申请人；',
        '（第三十三条第二款），2026年1月5日告知申请人；批准人：王主任；',
      ) + '；【内部备注】2025年12月10日：申请人来电催问；【提示】已超过答复期限（第三十三条）',
    );
  });

  it('explains a correction across Spring Festival and the restart of the clock', () => {
    const r = computeClock({
      events: [
        { type: 'received', date: '2025-01-20' },
        { type: 'correctionRequested', date: '2025-01-24' },
        { type: 'correctionReceived', date: '2025-02-10' },
      ],
      today: '2025-02-11',
      calendar,
    });
    expect(r.explanation.applicant).toBe(
      '2025年1月20日收到申请；2025年1月24日一次性告知申请人补正（第三十条，应于2025年2月5日前告知），补正期限为15个工作日，至2025年2月20日（1月28日至2月4日春节休息，1月26日、2月8日调休上班）；' +
        '2025年2月10日收到补正后的申请，依据第三十条，答复期限自该日起计算；依据第三十条、第三十三条，自收到补正后的申请之日起20个工作日内答复，至2025年3月10日',
    );
  });

  it('explains an open consultation with its latest end', () => {
    const r = computeClock({
      events: [
        { type: 'received', date: '2025-10-27' },
        { type: 'consultationSent', date: '2025-11-03', party: 'agency' },
      ],
      today: '2025-11-10',
      calendar,
    });
    expect(r.explanation.applicant).toBe(
      '2025年10月27日收到申请；2025年11月3日书面征求有关行政机关意见，依据第三十四条，对方应在收到征求意见书之日起15个工作日内即2025年11月24日前提出意见；' +
        '依据第三十三条第三款，2025年11月4日至最迟11月24日征求意见所需时间不计入答复期限；依据第三十三条，20个工作日内答复，另有15个工作日不计入，至2025年12月15日',
    );
  });
});

describe('第二十六条: publication within 20 working days of forming or changing', () => {
  it('gives the due date and its explanation', () => {
    expect(publicationDue(calendar, '2024-09-27')).toEqual({
      due: '2024-10-30',
      provisional: false,
      missingYears: [],
      explanation:
        '2024年9月27日形成或变更；依据第二十六条，20个工作日内公开，至2024年10月30日（10月1日至7日国庆节休息，9月29日、10月12日调休上班）',
    });
  });

  it('applies a period set by another law, and flags a missing year when asked', () => {
    expect(
      publicationDue(calendar, '2024-09-27', { special: { workingDays: 5, basis: '《某某条例》第十条' } }).due,
    ).toBe('2024-10-10');
    const next = publicationDue(calendar, '2026-12-20', { provisional: true });
    expect([next.due, next.provisional, next.missingYears]).toEqual(['2027-01-18', true, [2027]]);
    expect(() => publicationDue(calendar, '2026-12-20')).toThrow('未载入2027年的节假日安排');
  });
});
