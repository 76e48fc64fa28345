import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { computeClock } from '../clock/compute.ts';
import { reminderMail, remindersDue, type Reminder } from './reminders.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const clockOn = (today: string) =>
  computeClock({ events: [{ type: 'received', date: '2025-03-03' }], today, calendar });

describe('reminders: 3 working days before each deadline and when passed', () => {
  it('the reply due date of an application received 2025-03-03 is 2025-03-31 (第三十三条)', () => {
    expect(clockOn('2025-03-04').replyDue).toBe('2025-03-31');
  });
  it('nothing earlier than 3 working days before', () => {
    expect(remindersDue(clockOn('2025-03-25'), '2025-03-25', calendar).filter((r) => r.kind === 'reply')).toEqual([]);
  });
  it('"approaching" from 3 working days before (Wed 26 March: 27, 28, 31 remain)', () => {
    expect(remindersDue(clockOn('2025-03-26'), '2025-03-26', calendar).filter((r) => r.kind === 'reply')).toEqual([
      {
        key: 'reply:2025-03-31:approaching',
        kind: 'reply',
        stage: 'approaching',
        deadline: '2025-03-31',
        workingDaysLeft: 3,
      },
    ]);
  });
  it('"passed" the day after, with a different key so each is sent once', () => {
    const r = remindersDue(clockOn('2025-04-01'), '2025-04-01', calendar).find((x) => x.kind === 'reply');
    expect(r?.key).toBe('reply:2025-03-31:passed');
  });
  it('a closed application has no reminders', () => {
    const closed = computeClock({
      events: [
        { type: 'received', date: '2025-03-03' },
        { type: 'replied', date: '2025-03-05', outcome: 'granted' },
      ],
      today: '2025-04-01',
      calendar,
    });
    expect(remindersDue(closed, '2025-04-01', calendar)).toEqual([]);
  });
});

describe('the reminder e-mail', () => {
  const approaching: Reminder = {
    key: 'reply:2025-03-31:approaching',
    kind: 'reply',
    stage: 'approaching',
    deadline: '2025-03-31',
    workingDaysLeft: 3,
  };
  const base = {
    trackingNumber: '洛工信依申〔2025〕12号',
    agencyName: '泉州市洛江区工业和信息化局',
    recipientName: '陈承办',
    recipientRole: 'handler' as const,
    handlerAssigned: true,
    link: 'https://gk.example.gov.cn/admin/applications/a1?agency=g1',
  };

  it('names the tracking number, the deadline, its date and the link, in Chinese', () => {
    const m = reminderMail({ ...base, reminder: approaching });
    expect(m.subject).toBe('【期限提醒】洛工信依申〔2025〕12号：答复期限（第三十三条）将于2025年3月31日届满');
    expect(m.bodyText).toContain('陈承办：');
    expect(m.bodyText).toContain(
      '泉州市洛江区工业和信息化局收到的政府信息公开申请 洛工信依申〔2025〕12号，答复期限（第三十三条）将于2025年3月31日届满，还有3个工作日（不含今天）',
    );
    expect(m.bodyText).toContain('\nhttps://gk.example.gov.cn/admin/applications/a1?agency=g1\n');
    expect(m.bodyText).toContain('您是该申请的承办人');
  });

  it('says when the deadline has passed, or is today, and tells the office head when no handler is assigned', () => {
    const passed = reminderMail({
      ...base,
      recipientRole: 'officeHead',
      handlerAssigned: false,
      reminder: { ...approaching, key: 'reply:2025-03-31:passed', stage: 'passed', workingDaysLeft: null },
    });
    expect(passed.subject).toBe('【期限已过】洛工信依申〔2025〕12号：答复期限（第三十三条）已于2025年3月31日届满');
    expect(passed.bodyText).toContain('已于2025年3月31日届满，申请尚未办结，请尽快处理');
    expect(passed.bodyText).toContain('该申请尚未指定承办人');
    expect(passed.bodyText).toContain('工作机构负责人');
    expect(reminderMail({ ...base, reminder: { ...approaching, workingDaysLeft: 0 } }).bodyText).toContain(
      '于今天（2025年3月31日）届满',
    );
    expect(reminderMail({ ...base, recipientRole: 'officeHead', reminder: approaching }).bodyText).not.toContain(
      '尚未指定承办人',
    );
  });
});
