import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { loadBundledYears } from '../../../domain/calendar/bundled.ts';
import { Calendar, parseDate } from '../../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../../domain/calendar/dates.ts';
import { computeClock } from '../../../domain/clock/compute.ts';
import type { ClockEvent } from '../../../domain/clock/types.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import * as templates from '../../letters/letters.repository.ts';
import type { AppDeps } from '../applications.deps.ts';
import { readLetter, sendDocument } from '../documents/documents.service.ts';
import * as letters from '../documents/documents.repository.ts';
import { createApplication } from '../intake/intake.service.ts';
import { applicantFile, findForApplicant, trackingView } from '../public/public.service.ts';
import { getApplication } from '../applications.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { sweepApplications } from './sweep.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { pdfText } from '../../../../test/support/pdf.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const dayAfter = (date: string, days: number) => formatIsoDate(parseDate(date) + days);

describeEachDialect('视为放弃申请告知书: the sweep tells the applicant of a lapse in writing', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor;
  const clock = new TestClock('2025-05-06T02:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    // Demo data of an earlier day: none of its applications are open in 2025.
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    [clerk, handler, head] = (await Promise.all(['gxj.clerk', 'gxj.handler', 'gxj.head'].map(s.actor))) as [
      Actor,
      Actor,
      Actor,
    ];
  });
  afterAll(async () => t.destroy());

  it("逾期不补正 (第三十条): after the sweep the applicant has the notice, dated the closure day, stating the engine's period; on the tracking page and through the outbox", async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '张三', email: 'zhangsan@example.com' }),
    );
    await performStep(deps, handler, a.id, 'requestCorrection', { items: '请写明所需文件的年度' });
    const events: ClockEvent[] = [
      { type: 'received', date: '2025-05-06' },
      { type: 'correctionRequested', date: '2025-05-06' },
    ];
    const periodEnd = computeClock({ events, today: '2025-05-06', calendar }).correctionPeriodEnd!;
    // Nothing while the period runs.
    clock.set(`${periodEnd}T02:00:00Z`);
    await sweepApplications(t.db, clock);
    expect((await letters.listLetters(t.db, a.id)).map((l) => l.kind)).toEqual(['correction_notice']);

    const today = dayAfter(periodEnd, 3);
    clock.set(`${today}T02:00:00Z`);
    const engine = computeClock({ events, today, calendar });
    expect((await sweepApplications(t.db, clock)).lapsed).toBe(1);
    const lapse = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'lapse_notice')!;
    expect(lapse).toMatchObject({
      templateKey: 'other_no_correction',
      addressee: 'applicant',
      recipientName: '张三',
      date: engine.closed,
      title: '政府信息公开申请视为放弃告知书',
      provisionalYears: [],
    });
    expect(engine.closed).toBe(dayAfter(periodEnd, 1));
    expect(lapse.values).toMatchObject({
      补正期限: formatChineseDate(engine.correctionPeriodEnd!),
      收到申请日期: '2025年5月6日',
      申请编号: a.trackingNumber,
    });
    const pdf = await readLetter(deps, handler, a.id, lapse.id, 'pdf');
    const text = await pdfText(pdf.content);
    expect(text).toContain(`补正期限已于${formatChineseDate(periodEnd)}届满，您无正当理由逾期未补正`);
    expect(text).toContain('视为您放弃申请，本机关不再处理该政府信息公开申请');
    expect(text).toContain(`泉州市洛江区工业和信息化局${formatChineseDate(engine.closed!)}`);

    // The applicant sees it with the lapse on the tracking page and downloads the same PDF.
    const view = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(view.outcomeLabel).toBe('其他处理：逾期不补正');
    expect(view.files.map((f) => f.label)).toEqual(['补正告知书', '视为放弃申请告知书']);
    expect((await applicantFile(deps, a, lapse.id)).content.equals(pdf.content)).toBe(true);

    // Sent through the outbox like any notice; listed in the console with its delivery.
    const m = await sendDocument(deps, clerk, a.id, lapse.id, { channel: 'email' });
    expect(m).toMatchObject({
      recipientAddress: 'zhangsan@example.com',
      subject: `政府信息公开申请视为放弃告知书（${a.trackingNumber}）`,
      relatedId: lapse.id,
    });
    const doc = (await getApplication(deps, head, a.id)).documents.find((d) => d.id === lapse.id)!;
    expect(doc).toMatchObject({
      kindLabel: '视为放弃申请告知书',
      state: 'issued',
      provisional: false,
      sendBlocker: null,
    });
    expect(doc.deliveries.map((d) => d.status)).toEqual(['queued']);

    // Exactly once: a later sweep issues nothing more.
    clock.set(`${dayAfter(today, 5)}T02:00:00Z`);
    await sweepApplications(t.db, clock);
    expect((await letters.listLetters(t.db, a.id)).filter((l) => l.kind === 'lapse_notice')).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('subject_id', '=', a.id)
      .where('action', '=', 'application.lapse_notice')
      .execute();
    expect(audit).toEqual([
      { action: 'application.lapse_notice', summary: `${a.trackingNumber}：出具视为放弃申请告知书（致张三）` },
    ]);
  });

  it("逾期未缴费 (国办函〔2020〕109号, a setting): the notice states the engine's payment period and is dated the day after it", async () => {
    clock.set('2025-06-03T02:00:00Z');
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '王五', idNumber: '350504199001010029' }),
    );
    await performStep(deps, handler, a.id, 'issueFeeNotice', { basis: 'per_page', pages: 260 });
    const events: ClockEvent[] = [
      { type: 'received', date: '2025-06-03' },
      { type: 'feeNotice', date: '2025-06-03' },
    ];
    const due = computeClock({ events, today: '2025-06-03', calendar }).paymentDue!;
    const today = dayAfter(due, 2);
    clock.set(`${today}T02:00:00Z`);
    await sweepApplications(t.db, clock);
    const engine = computeClock({ events, today, calendar });
    expect(engine.closedBy).toBe('feeLapsed');
    const lapse = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'lapse_notice')!;
    expect(lapse).toMatchObject({ templateKey: 'other_no_fee', date: engine.closed, recipientName: '王五' });
    expect(lapse.values.缴费期限).toBe(formatChineseDate(due));
    const text = await pdfText((await readLetter(deps, handler, a.id, lapse.id, 'pdf')).content);
    expect(text).toContain(`您未在${formatChineseDate(due)}前缴纳信息处理费`);
    expect(text).toContain('国办函〔2020〕109号');
    const view = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(view.files.map((f) => f.label)).toEqual(['收费通知书', '视为放弃申请告知书']);
    // The post goes to the address the applicant gave.
    expect((await sendDocument(deps, clerk, a.id, lapse.id, { channel: 'post' })).recipientAddress).toBe(
      '泉州市洛江区万安街道1号',
    );
  });

  it('the applicant who gave an e-mail address is told of the lapse notice like any document issued to them, once, without personal data', async () => {
    clock.set('2025-08-04T02:00:00Z');
    const input = citizen(agencyId, { applicantName: '钱七', email: 'qianqi@example.com' });
    const { application: a } = await createApplication(deps, clerk, input);
    await performStep(deps, handler, a.id, 'requestCorrection', { items: '请写明文件名称', periodEnd: '2025-08-15' });
    const mailsTo = () =>
      t.db
        .selectFrom('outbox_message')
        .select(['subject', 'body_text', 'recipient_address'])
        .where('recipient_address', '=', 'qianqi@example.com')
        .where('subject', 'like', '您的政府信息公开申请有新的文书%')
        .execute();
    const before = (await mailsTo()).length;
    clock.set('2025-08-19T02:00:00Z');
    const applicant = { cipher: deps.cipher, smsEnabled: false };
    expect((await sweepApplications(t.db, clock, { publicUrl: 'https://gk.example.gov.cn', applicant })).lapsed).toBe(
      1,
    );
    await sweepApplications(t.db, clock, { applicant });
    const mails = (await mailsTo()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain(`出具了视为放弃申请告知书`);
    expect(mails[0]!.body_text).toContain(a.trackingNumber);
    expect(mails[0]!.body_text).toContain('https://gk.example.gov.cn/gk/');
    expect(mails[0]!.body_text).not.toContain('钱七');
    expect(mails[0]!.body_text).not.toContain(input.idNumber!);
  });

  it('an agency wording saved before the placeholders were narrowed does not hold up the lapse: the platform wording is used and the audit trail says so', async () => {
    // Written past the service's check, as an older version could have saved it.
    await templates.saveOverride(t.db, agencyId, {
      key: 'other_no_correction',
      title: '逾期不补正告知书',
      recipient: '{{申请人}}',
      body: '{{不予公开理由}}',
      updatedAt: clock.now().toISOString(),
      updatedBy: '旧版本',
    });
    clock.set('2025-07-01T02:00:00Z');
    const { application: a } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '赵六', idNumber: '350582199506112054' }),
    );
    await performStep(deps, handler, a.id, 'requestCorrection', { items: '请写明项目名称', periodEnd: '2025-07-10' });
    clock.set('2025-07-14T02:00:00Z');
    expect((await sweepApplications(t.db, clock)).lapsed).toBe(1);
    const lapse = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'lapse_notice')!;
    expect(lapse.title).toBe('政府信息公开申请视为放弃告知书');
    expect(lapse.values.补正期限).toBe('2025年7月10日');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('subject_id', '=', a.id)
      .where('action', '=', 'application.lapse_notice')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatch(/按平台默认措辞生成$/);
    await templates.deleteOverride(t.db, agencyId, 'other_no_correction');
  });
});
