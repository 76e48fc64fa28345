import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { DomainError } from '../errors.ts';
import { computeClock } from './compute.ts';
import { resolveClockSettings, type ClockSettings } from './settings.ts';
import type { ClockEvent, ClockResult } from './types.ts';

const calendar = Calendar.fromYears(loadBundledYears());

function clock(events: ClockEvent[], today = '2026-12-31', settings?: Partial<ClockSettings>): ClockResult {
  return computeClock({ events, today, calendar, ...(settings ? { settings } : {}) });
}

function refused(events: ClockEvent[], today = '2026-12-31'): DomainError {
  try {
    clock(events, today);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the events to be refused');
}

const R = { type: 'received', date: '2024-09-27' } as const;

describe('receipt (第三十一条)', () => {
  it('第三十一条第一项: an in-person application is received on the day it is submitted', () => {
    const r = clock([{ type: 'arrived', date: '2024-09-27', channel: 'in-person' }], '2024-10-08');
    expect([r.state, r.receivedDate, r.replyDue]).toEqual(['running', '2024-09-27', '2024-10-30']);
  });

  it('第三十一条第二项: a signed-for letter is received on the day the agency signs for it', () => {
    expect(clock([{ type: 'arrived', date: '2024-09-27', channel: 'post-signed' }], '2024-10-08').receivedDate).toBe(
      '2024-09-27',
    );
  });

  it('第三十一条第二项: an ordinary letter counts from confirmation; before it nothing runs and nothing is counted', () => {
    const waiting = clock([{ type: 'arrived', date: '2024-12-30', channel: 'post-ordinary' }], '2024-12-31');
    expect([waiting.state, waiting.receivedDate, waiting.replyDue, waiting.countedIn]).toEqual([
      'awaitingConfirmation',
      null,
      null,
      null,
    ]);
    const confirmed = clock(
      [
        { type: 'arrived', date: '2024-12-30', channel: 'post-ordinary' },
        { type: 'received', date: '2025-01-02' },
      ],
      '2025-01-03',
    );
    expect(confirmed.countedIn).toBe(2025);
    expect(confirmed.warnings.map((w) => w.code)).toEqual(['RECEIPT_CONFIRMATION_LATE']);
  });

  it('第三十一条第三项: an online application is received on the day both sides confirm', () => {
    const r = clock(
      [
        { type: 'arrived', date: '2025-06-01', channel: 'online' },
        { type: 'received', date: '2025-06-03' },
      ],
      '2025-06-04',
    );
    expect([r.arrivalDate, r.receivedDate, r.warnings]).toEqual(['2025-06-01', '2025-06-03', []]);
  });

  it('第三十一条: a reply before receipt is refused, and there is only one receipt date', () => {
    expect(refused([{ type: 'replied', date: '2024-09-27', outcome: 'granted' }]).code).toBe('CLOCK_EVENT_INVALID');
    expect(refused([R, { type: 'received', date: '2024-09-30' }]).message).toContain('收到申请之日只有一个');
  });
});

describe('reply period (第三十三条)', () => {
  it('第三十三条第一款: an application answered on the spot is closed the day it is received', () => {
    const r = clock([{ type: 'answeredOnSpot', date: '2024-09-27', outcome: 'granted' }], '2024-09-27');
    expect([r.state, r.receivedDate, r.closed, r.outcome, r.closedBy]).toEqual([
      'closed',
      '2024-09-27',
      '2024-09-27',
      'granted',
      'answeredOnSpot',
    ]);
  });

  it('第三十三条第二款: the reply is due 20 working days after receipt; overdue only after that day', () => {
    expect(clock([R], '2024-10-30')).toMatchObject({ replyDue: '2024-10-30', overdue: false, state: 'running' });
    expect(clock([R], '2024-10-31')).toMatchObject({ overdue: true });
    const late = clock([R, { type: 'replied', date: '2024-10-31', outcome: 'partial' }], '2024-11-05');
    expect([late.overdue, late.closedLate, late.outcome]).toEqual([false, true, 'partial']);
  });

  it('第三十三条第二款: an extension needs the head of the disclosure office', () => {
    const err = refused([
      R,
      { type: 'extensionApproved', date: '2024-10-08', workingDays: 10, approverRole: 'handler' },
    ]);
    expect(err.message).toBe('依据第三十三条第二款，延长答复期限应当经政府信息公开工作机构负责人同意');
  });

  it('第三十三条第二款: an extension must be approved by the current due date', () => {
    expect(clock([R, { type: 'extensionApproved', date: '2024-10-30', workingDays: 5 }]).replyDue).toBe('2024-11-06');
    expect(refused([R, { type: 'extensionApproved', date: '2024-10-31', workingDays: 5 }]).message).toBe(
      '依据第三十三条第二款，延长应在答复期限届满前经批准；答复期限已于2024年10月30日届满',
    );
  });

  it('第三十三条第二款: all extensions together are at most 20 working days', () => {
    const twice: ClockEvent[] = [
      R,
      { type: 'extensionApproved', date: '2024-10-08', workingDays: 10 },
      { type: 'extensionApproved', date: '2024-10-09', workingDays: 10 },
    ];
    expect(clock(twice).extensionWorkingDays).toBe(20);
    const over = refused([...twice.slice(0, 2), { type: 'extensionApproved', date: '2024-10-09', workingDays: 11 }]);
    expect(over.message).toBe('依据第三十三条第二款，延长的期限最长不得超过20个工作日（累计将达21个工作日）');
  });

  it('第三十三条第三款: overlapping consultations exclude a day once', () => {
    const one = clock([
      { type: 'received', date: '2025-09-15' },
      { type: 'consultationSent', date: '2025-09-22' },
      { type: 'consultationAnswered', date: '2025-10-16' },
    ]);
    const twice = clock([
      { type: 'received', date: '2025-09-15' },
      { type: 'consultationSent', date: '2025-09-22', party: 'third' },
      { type: 'consultationSent', date: '2025-09-23', party: 'agency' },
      { type: 'consultationAnswered', date: '2025-10-10', party: 'agency' },
      { type: 'consultationAnswered', date: '2025-10-16', party: 'third' },
    ]);
    expect(twice.replyDue).toBe(one.replyDue);
  });
});

describe('correction (第三十条)', () => {
  const requested: ClockEvent[] = [
    { type: 'received', date: '2025-01-20' },
    { type: 'correctionRequested', date: '2025-01-24' },
  ];

  it('第三十条: the 补正 notice is due within 7 working days of receipt; a later one is flagged', () => {
    expect(clock(requested, '2025-01-24')).toMatchObject({
      correctionNoticeDue: '2025-02-05',
      correctionNoticeLate: false,
    });
    const late = clock(
      [
        { type: 'received', date: '2025-01-20' },
        { type: 'correctionRequested', date: '2025-02-06' },
      ],
      '2025-02-06',
    );
    expect(late.correctionNoticeLate).toBe(true);
    expect(late.warnings[0]).toEqual({
      code: 'CORRECTION_NOTICE_LATE',
      message: '补正告知晚于第三十条规定的期限（应于2025年2月5日前告知）',
    });
  });

  it('第三十条: 一次性告知 — a second correction request is refused', () => {
    const err = refused([
      ...requested,
      { type: 'correctionReceived', date: '2025-02-10' },
      { type: 'correctionRequested', date: '2025-02-11' },
    ]);
    expect(err.message).toBe('依据第三十条，补正应当一次性告知；已于2025年1月24日告知补正，不能再次要求补正');
    expect(err.details).toEqual({ index: 3, type: 'correctionRequested', date: '2025-02-11' });
  });

  it('第三十条: while awaiting the correction the reply clock is suspended and has no due date', () => {
    expect(clock(requested, '2025-02-20')).toMatchObject({
      state: 'awaitingCorrection',
      replyDue: null,
      correctionPeriodEnd: '2025-02-20',
      closed: null,
    });
  });

  it('第三十条: the reply period restarts from the day the corrected application is received', () => {
    expect(clock([...requested, { type: 'correctionReceived', date: '2025-02-10' }], '2025-02-11').replyDue).toBe(
      calendar.addWorkingDays('2025-02-10', 20),
    );
  });

  it('第三十条: no correction by the end of the period → abandoned, closed the next calendar day (other_no_correction)', () => {
    expect(clock(requested, '2025-02-21')).toMatchObject({
      state: 'closed',
      closed: '2025-02-21',
      outcome: 'other_no_correction',
      closedBy: 'correctionLapsed',
    });
    expect(refused([...requested, { type: 'correctionReceived', date: '2025-02-21' }]).message).toMatch(
      /^补正期限已于2025年2月20日届满/,
    );
    const accepted = clock(
      [...requested, { type: 'correctionReceived', date: '2025-02-24', acceptedLate: true }],
      '2025-02-24',
    );
    expect([accepted.state, accepted.warnings.map((w) => w.code)]).toEqual(['running', ['LATE_CORRECTION_ACCEPTED']]);
  });

  it('第三十条: the office may set the end of the correction period itself', () => {
    const r = clock(
      [
        { type: 'received', date: '2025-01-20' },
        { type: 'correctionRequested', date: '2025-01-24', periodEnd: '2025-03-31' },
      ],
      '2025-03-01',
    );
    expect([r.correctionPeriodEnd, r.state]).toEqual(['2025-03-31', 'awaitingCorrection']);
  });
});

describe('consultation (第三十二条, 第三十四条)', () => {
  it('第三十二条: the third party has 15 working days from its own receipt of the letter', () => {
    const r = clock(
      [
        { type: 'received', date: '2025-09-15' },
        { type: 'consultationSent', date: '2025-09-22', partyReceivedDate: '2025-09-24' },
      ],
      '2025-09-25',
    );
    expect(r.consultations[0]).toMatchObject({
      partyReceivedDate: '2025-09-24',
      partyDeadline: '2025-10-21',
      open: true,
    });
    expect(r.state).toBe('consulting');
  });

  it('第三十二条: while the consultation is open the reply date assumes the longest pause; an answer shortens it', () => {
    const open = clock(
      [
        { type: 'received', date: '2025-10-27' },
        { type: 'consultationSent', date: '2025-11-03', party: 'third' },
      ],
      '2025-11-10',
    );
    const silent = clock(
      [
        { type: 'received', date: '2025-10-27' },
        { type: 'consultationSent', date: '2025-11-03', party: 'third' },
      ],
      '2025-11-25',
    );
    expect([open.state, open.replyDue, silent.state, silent.replyDue]).toEqual([
      'consulting',
      '2025-12-15',
      'running',
      '2025-12-15',
    ]);
  });

  it('第三十四条: a late answer pauses only up to the party’s deadline (its silence counted as consent)', () => {
    const r = clock([
      { type: 'received', date: '2025-10-27' },
      { type: 'consultationSent', date: '2025-11-03', party: 'agency' },
      { type: 'consultationAnswered', date: '2025-11-28', party: 'agency' },
    ]);
    expect([r.consultations[0]?.pauseEnd, r.replyDue]).toEqual(['2025-11-24', '2025-12-15']);
  });
});

describe('fees (国办函〔2020〕109号)', () => {
  const notice: ClockEvent[] = [
    { type: 'received', date: '2026-03-02' },
    { type: 'feeNotice', date: '2026-03-10' },
  ];

  it('国办函〔2020〕109号: the time from fee notice to payment is excluded unless feeTimeExcluded is off', () => {
    const paid: ClockEvent[] = [...notice, { type: 'feePaid', date: '2026-03-20' }];
    expect(clock(paid).replyDue).toBe('2026-04-10');
    expect(clock(paid, '2026-12-31', { feeTimeExcluded: false }).replyDue).toBe('2026-03-30');
    expect(clock(notice, '2026-03-11').state).toBe('awaitingFee');
  });

  it('国办函〔2020〕109号: no payment by the due date → abandoned, closed the next day (other_no_fee)', () => {
    expect(clock(notice, '2026-04-08').state).toBe('awaitingFee');
    expect(clock(notice, '2026-04-09')).toMatchObject({
      closed: '2026-04-09',
      outcome: 'other_no_fee',
      closedBy: 'feeLapsed',
    });
  });
});

describe('fees from the applicant’s receipt (国办函〔2020〕109号, regulation.md S6)', () => {
  const R2: ClockEvent = { type: 'received', date: '2026-03-02' };
  const byPost: ClockEvent[] = [R2, { type: 'feeNotice', date: '2026-03-10', delivery: 'post' }];

  it('handed over, e-mail or online: received the day issued, due 20 working days from the next day', () => {
    for (const delivery of ['in-person', 'email', 'online'] as const) {
      const r = clock([R2, { type: 'feeNotice', date: '2026-03-10', delivery }], '2026-03-11');
      expect([r.feeNoticeReceivedDate, r.paymentDue, r.feeReceiptUnknown]).toEqual(['2026-03-10', '2026-04-08', false]);
    }
  });

  it('post: no payment period and no lapse while the signing date is unknown, however long', () => {
    const r = clock(byPost, '2026-09-30');
    expect([r.state, r.closed, r.paymentDue, r.feeReceiptUnknown]).toEqual(['awaitingFee', null, null, true]);
    expect(r.explanation.staff).toContain('尚未起算');
  });

  it('post: the period runs from the day after the signing date (收到收费通知次日起20个工作日)', () => {
    const signed: ClockEvent[] = [...byPost, { type: 'feeNoticeReceived', date: '2026-03-13' }];
    const r = clock(signed, '2026-04-09');
    // Issued 03-10 and counted from the issue, it would have lapsed on 04-09; from 03-13 it runs to 04-13.
    expect([r.state, r.feeNoticeReceivedDate, r.paymentDue]).toEqual(['awaitingFee', '2026-03-13', '2026-04-13']);
    expect(clock(signed, '2026-04-14')).toMatchObject({ closed: '2026-04-14', closedBy: 'feeLapsed' });
    // The same when the signing date is known at issue.
    const known = clock([R2, { ...byPost[1]!, applicantReceivedDate: '2026-03-13' } as ClockEvent], '2026-04-09');
    expect(known.paymentDue).toBe('2026-04-13');
  });

  it('the fee time stays excluded from the reply period while the receipt date is unknown', () => {
    const paid = clock([...byPost, { type: 'feePaid', date: '2026-03-20' }]);
    expect([paid.replyDue, paid.feeNoticeReceivedDate]).toEqual(['2026-04-10', null]);
  });

  it('a receipt date before the notice, after the payment, or twice is refused', () => {
    expect(refused([...byPost, { type: 'feeNoticeReceived', date: '2026-03-09' }]).message).toContain(
      '尚未发出收费通知',
    );
    expect(
      refused([...byPost, { type: 'feePaid', date: '2026-03-12' }, { type: 'feeNoticeReceived', date: '2026-03-13' }])
        .message,
    ).toContain('晚于缴费之日');
    expect(
      refused([
        ...byPost,
        { type: 'feeNoticeReceived', date: '2026-03-12' },
        { type: 'feeNoticeReceived', date: '2026-03-13' },
      ]).message,
    ).toContain('收到日期只有一个');
  });
});

describe('delayed reply (第三十五条), reply, withdrawal', () => {
  it('第三十五条: the date the office sets replaces the due date, and must be later than the day it is set', () => {
    const events: ClockEvent[] = [
      { type: 'received', date: '2025-06-03' },
      { type: 'delayedReplySet', date: '2025-06-10', until: '2025-08-29' },
    ];
    expect(clock(events, '2025-08-29')).toMatchObject({
      replyDue: '2025-08-29',
      baseDue: '2025-07-01',
      overdue: false,
    });
    expect(
      refused([events[0] as ClockEvent, { type: 'delayedReplySet', date: '2025-06-10', until: '2025-06-10' }]).message,
    ).toBe('依据第三十五条确定的延迟答复期限应晚于确定之日');
  });

  it('a withdrawal closes the application as other_other; nothing may follow a closure', () => {
    expect(clock([R, { type: 'withdrawn', date: '2024-10-08' }])).toMatchObject({
      closed: '2024-10-08',
      outcome: 'other_other',
      state: 'closed',
    });
    expect(
      refused([
        R,
        { type: 'withdrawn', date: '2024-10-08' },
        { type: 'replied', date: '2024-10-09', outcome: 'granted' },
      ]).message,
    ).toBe('申请已于2024年10月8日办结，之后不能再记录事件');
  });

  it('lapse outcomes are derived, not replied; unknown outcomes and future events are refused', () => {
    expect(refused([R, { type: 'replied', date: '2024-10-08', outcome: 'other_no_fee' }]).code).toBe(
      'CLOCK_EVENT_INVALID',
    );
    expect(refused([R, { type: 'replied', date: '2024-10-08', outcome: 'yes' as never }]).message).toBe(
      '答复结果无法识别：yes',
    );
    expect(refused([R], '2024-09-26').message).toBe('事件日期2024年9月27日晚于今天，不能记录尚未发生的事件');
  });
});

describe('settings and calendar coverage', () => {
  it('民法典 第二百零一条: with startDayCounted the day of receipt counts', () => {
    expect(clock([R], '2024-10-08', { startDayCounted: true }).replyDue).toBe('2024-10-29');
  });

  it('settings may not exceed the statutory periods (第三十三条, 第三十条)', () => {
    expect(() => resolveClockSettings({ replyWorkingDays: 21 })).toThrow(
      'replyWorkingDays依据第三十三条第二款，不得超过20个工作日',
    );
    expect(() => resolveClockSettings({ correctionNoticeWorkingDays: 8 })).toThrow('第三十条');
    expect(resolveClockSettings({ correctionPeriodWorkingDays: 10 }).correctionPeriodWorkingDays).toBe(10);
  });

  it('a due date in a year not loaded raises CALENDAR_NOT_LOADED, or is flagged provisional on request', () => {
    const events: ClockEvent[] = [{ type: 'received', date: '2026-12-20' }];
    expect(refused(events).details).toEqual({ year: 2027 });
    const r = computeClock({ events, today: '2026-12-31', calendar, provisional: true });
    expect([r.replyDue, r.provisional, r.missingYears]).toEqual(['2027-01-18', true, [2027]]);
    expect(r.explanation.applicant).toContain(
      '2027年的节假日安排尚未载入，该年按周末和《全国年节及纪念日放假办法》规定的法定节假日计算，上述期限为暂定',
    );
  });
});
