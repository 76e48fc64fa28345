import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as letters from '../documents/documents.repository.ts';
import { sendDocument } from '../documents/documents.service.ts';
import { createApplication } from '../intake/intake.service.ts';
import { addFile, getApplication } from '../applications.service.ts';
import * as repo from '../applications.repository.ts';
import { performStep, type StepInput } from './steps.service.ts';
import { sweepApplications } from '../sweep/sweep.service.ts';
import type { Step } from '../../../domain/applications/workflow.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; message: string; fields?: Record<string, string> };
    return { code: e.code, message: e.message, fields: e.fields ?? {} };
  }
  throw new Error('expected a refusal');
};

describeEachDialect('facts entered late: the date a fact happened decides, whenever it is entered', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, reviewer: Actor;
  const clock = new TestClock('2025-09-15T02:00:00Z');
  let n = 0;
  const at = (date: string) => clock.set(`${date}T02:00:00Z`);
  const step = (actor: Actor, id: string, s: Step, input: StepInput = {}) => performStep(deps, actor, id, s, input);
  const apply = async () =>
    (
      await createApplication(
        deps,
        clerk,
        citizen(agencyId, { applicantName: `申请人${++n}`, idNumber: '350502198506123013' }),
      )
    ).application;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    [clerk, handler, head, reviewer] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor];
  });
  afterAll(async () => t.destroy());

  // In date order: the sweep recomputes every open application on the test clock's day.
  it('a correction dated within its period, registered after the sweep closed the application, reverses the lapse; its notice is kept, void, audited', async () => {
    at('2025-01-20');
    const a = await apply();
    at('2025-01-24');
    await step(handler, a.id, 'requestCorrection', { items: '请写明所需文件的年度' });
    at('2025-02-25');
    await sweepApplications(t.db, clock);
    expect(await repo.findById(t.db, a.id)).toMatchObject({ state: 'closed', closedBy: 'correctionLapsed' });
    const [, lapseNotice] = await letters.listLetters(t.db, a.id);
    expect(lapseNotice!.kind).toBe('lapse_notice');

    at('2025-02-26');
    const reopened = await step(clerk, a.id, 'recordCorrection', { date: '2025-02-19', note: '2024年度' });
    // clock-vectors.json: correction received 2025-02-10 → 2025-03-10; here 02-19 → 20 working days later.
    expect(reopened).toMatchObject({ state: 'running', closedBy: null, replyDue: '2025-03-19' });
    const voided = (await letters.findLetter(t.db, lapseNotice!.id))!;
    expect(voided.voidedAt).not.toBeNull();
    expect(voided.voidReason).toContain('撤销2025年2月21日“逾期不补正，视为放弃申请”的认定');
    const detail = await getApplication(deps, handler, a.id);
    expect(detail.events.map((e) => e.type).slice(-3)).toEqual(['lapsed', 'correctionReceived', 'lapseVoided']);
    expect(detail.documents.find((d) => d.id === lapseNotice!.id)).toMatchObject({ voided: true });
    expect((await refusal(sendDocument(deps, clerk, a.id, lapseNotice!.id, { channel: 'post' }))).message).toMatch(
      /已作废/,
    );
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['summary'])
      .where('subject_id', '=', a.id)
      .where('action', '=', 'application.lapse_reversed')
      .execute();
    expect(audit).toHaveLength(1);
    // The sweep leaves it open now.
    await sweepApplications(t.db, clock);
    expect((await repo.findById(t.db, a.id))!.state).toBe('running');
  });

  it('a correction dated after its period needs the office’s reason (第三十条 「无正当理由」)', async () => {
    at('2025-01-20');
    const a = await apply();
    at('2025-01-24');
    await step(handler, a.id, 'requestCorrection', { items: '请写明项目名称' });
    at('2025-02-26');
    await sweepApplications(t.db, clock);
    const refused = await refusal(step(clerk, a.id, 'recordCorrection', { date: '2025-02-24' }));
    expect(refused.fields.lateReason).toBe(
      '补正日期2025年2月24日晚于补正期限2025年2月20日：依据第三十条，申请人无正当理由逾期不补正的视为放弃申请；确有正当理由接受逾期补正的，请写明理由',
    );
    expect((await repo.findById(t.db, a.id))!.state).toBe('closed');
    const accepted = await step(clerk, a.id, 'recordCorrection', {
      date: '2025-02-24',
      lateReason: '申请人因住院未能按期补正，已提供证明',
    });
    expect(accepted.state).toBe('running');
    const detail = await getApplication(deps, handler, a.id);
    expect(detail.clock.warnings.map((w) => w.code)).toContain('LATE_CORRECTION_ACCEPTED');
  });

  it('review and sign-off carry their own dates, in order; a paper sign-off is entered by the clerk with its scan', async () => {
    at('2025-06-02');
    const a = await apply();
    at('2025-06-10');
    await step(handler, a.id, 'decide', { outcome: 'granted', legalBasis: '第二十七条' });
    await addFile(deps, handler, a.id, 'released', {
      filename: '公开版.pdf',
      content: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    at('2025-06-30');
    const early = await refusal(step(reviewer, a.id, 'reviewConfidentiality', { passed: true, date: '2025-06-09' }));
    expect(early.fields.date).toBe('日期2025年6月9日早于拟定答复之日2025年6月10日');
    await step(reviewer, a.id, 'reviewConfidentiality', { passed: true, date: '2025-06-12' });
    // The clerk may not sign off, except by recording the head's paper sign-off with its scan.
    expect((await refusal(step(clerk, a.id, 'signOff', { date: '2025-06-13' }))).code).toBe('FORBIDDEN');
    const noScan = await refusal(
      step(clerk, a.id, 'signOff', { date: '2025-06-13', paper: { signedBy: '王主任', scanFileId: 'nope' } }),
    );
    expect(noScan.fields['paper.scanFileId']).toMatch(/请先上传纸质审签单的扫描件/);
    const scan = await addFile(deps, handler, a.id, 'signoff_scan', {
      filename: '审签单.pdf',
      content: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    const tooEarly = await refusal(
      step(clerk, a.id, 'signOff', { date: '2025-06-11', paper: { signedBy: '王主任', scanFileId: scan.id } }),
    );
    expect(tooEarly.fields.date).toBe('日期2025年6月11日早于保密审查之日2025年6月12日');
    const signed = await step(clerk, a.id, 'signOff', {
      date: '2025-06-13',
      paper: { signedBy: '王主任', scanFileId: scan.id },
    });
    expect(signed).toMatchObject({ decisionStatus: 'signed', signedBy: '王主任' });
    const beforeSign = await refusal(step(handler, a.id, 'reply', { date: '2025-06-12' }));
    expect(beforeSign.fields.date).toBe('日期2025年6月12日早于负责人签发之日2025年6月13日');
    const replied = await step(handler, a.id, 'reply', { date: '2025-06-16' });
    expect([replied.closedDate, replied.outcome]).toEqual(['2025-06-16', 'granted']);
    const detail = await getApplication(deps, handler, a.id);
    const signEvent = detail.events.find((e) => e.type === 'signedOff')!;
    expect([signEvent.date, signEvent.at.slice(0, 10)]).toEqual(['2025-06-13', '2025-06-30']);
    expect(signEvent.summary).toContain('纸质签发，2025年6月13日由王主任签署');
  });

  it("a third party's answer dated within its 15 working days is recorded after they ended; the pause ends on the answer", async () => {
    at('2025-09-15');
    const a = await apply();
    at('2025-09-22');
    await step(handler, a.id, 'sendConsultation', { party: 'third', partyName: '某机械有限公司' });
    // The party's deadline was 2025-10-17; its letter dated 10-16 is entered on 10-23.
    at('2025-10-23');
    expect((await repo.findById(t.db, a.id))!.replyDue).toBe('2025-11-07');
    const future = await refusal(step(handler, a.id, 'recordConsultationAnswer', { date: '2025-10-24' }));
    expect(future.fields.date).toBe('日期2025年10月24日晚于今天2025年10月23日：不能登记尚未发生的事实');
    const before = await refusal(step(handler, a.id, 'recordConsultationAnswer', { date: '2025-09-20' }));
    expect(before.fields.date).toBe('日期2025年9月20日早于发出征求意见之日2025年9月22日');
    const done = await step(handler, a.id, 'recordConsultationAnswer', { date: '2025-10-16', opinion: 'object' });
    // clock-vectors.json: received 09-15, sent 09-22, answered 10-16 → due 2025-11-06.
    expect(done.replyDue).toBe('2025-11-06');
    const detail = await getApplication(deps, handler, a.id);
    expect(detail.clock.consultations[0]).toMatchObject({ answeredDate: '2025-10-16', open: false });
    const answered = detail.events.find((e) => e.type === 'consultationAnswered')!;
    expect([answered.date, answered.summary, answered.at.slice(0, 10)]).toEqual([
      '2025-10-16',
      '收到征求意见的答复',
      '2025-10-23',
    ]);
  });

  it('an answer dated after the period is recorded as late: the pause ends on the deadline', async () => {
    at('2025-09-15');
    const a = await apply();
    at('2025-09-22');
    await step(handler, a.id, 'sendConsultation', { party: 'third', partyName: '某科技有限公司' });
    at('2025-10-23');
    const done = await step(handler, a.id, 'recordConsultationAnswer', { date: '2025-10-21', opinion: 'agree' });
    expect(done.replyDue).toBe('2025-11-07');
    const detail = await getApplication(deps, handler, a.id);
    expect(detail.clock.warnings.map((w) => w.code)).toContain('CONSULTATION_ANSWER_LATE');
    expect(detail.events.find((e) => e.type === 'consultationAnswered')!.summary).toContain('逾期');
  });

  it('an extension approved in time but entered late counts; one approved after the due date in force that day is refused', async () => {
    at('2025-12-10');
    const a = await apply();
    at('2026-01-05');
    await step(handler, a.id, 'requestExtension', { days: 20, reason: '需要调取档案' });
    at('2026-01-12');
    const tooLate = await refusal(step(head, a.id, 'approveExtension', { date: '2026-01-09' }));
    expect(tooLate.fields.date).toBe(
      '批准日期2026年1月9日晚于当日的答复期限2026年1月8日：依据第三十三条第二款，延长答复期限应在期限届满前经负责人同意',
    );
    const extended = await step(head, a.id, 'approveExtension', { date: '2026-01-05' });
    // clock-vectors.json: approved 2026-01-05, 20 days → 2026-02-05.
    expect(extended.replyDue).toBe('2026-02-05');
  });

  it('a payment dated in time reverses the fee lapse; a late one is refused unless the [INTERPRETATION] setting allows it, with a reason', async () => {
    at('2026-03-02');
    const a = await apply();
    at('2026-03-10');
    await step(handler, a.id, 'issueFeeNotice', { basis: 'per_page', pages: 120 });
    at('2026-04-10');
    await sweepApplications(t.db, clock);
    expect((await repo.findById(t.db, a.id))!.closedBy).toBe('feeLapsed');
    const late = await refusal(step(clerk, a.id, 'recordFeePaid', { date: '2026-04-09' }));
    expect(late.fields.date).toBe(
      '缴费日期2026年4月9日晚于缴费期限2026年4月8日：依据国办函〔2020〕109号，申请人逾期未缴纳的视为放弃申请，逾期缴费不予登记',
    );
    const paid = await step(clerk, a.id, 'recordFeePaid', { date: '2026-04-07' });
    expect(paid).toMatchObject({ state: 'running', closedBy: null });
    expect((await getApplication(deps, handler, a.id)).events.at(-1)!.type).toBe('lapseVoided');

    at('2026-03-02');
    const b = await apply();
    at('2026-03-10');
    await step(handler, b.id, 'issueFeeNotice', { basis: 'per_page', pages: 120 });
    at('2026-04-10');
    await sweepApplications(t.db, clock);
    const lenient = { ...deps, clockSettings: { lateFeePaymentAcceptable: true } };
    const noReason = await refusal(performStep(lenient, clerk, b.id, 'recordFeePaid', { date: '2026-04-09' }));
    expect(noReason.fields.lateReason).toMatch(/接受逾期缴费须写明理由/);
    const accepted = await performStep(lenient, clerk, b.id, 'recordFeePaid', {
      date: '2026-04-09',
      lateReason: '银行系统故障，缴款凭证日期为4月8日',
    });
    expect(accepted.state).toBe('running');
  });
});
