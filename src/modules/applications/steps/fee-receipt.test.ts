/**
 * Fees from the applicant's receipt (lifecycle.md, fee row; regulation.md S6): 「申请人应当在收到收费
 * 通知次日起20个工作日内缴纳费用」. Before issue 13 the 20 working days ran from the day the notice
 * was issued, so a posted notice lapsed (视为放弃申请) counted from a day the applicant had not yet
 * received it; now the receipt date follows the way it was sent, and a posted one lapses only
 * once its signing date is recorded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import type { Step } from '../../../domain/applications/workflow.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as repo from '../applications.repository.ts';
import * as letters from '../documents/documents.repository.ts';
import { getApplication } from '../applications.service.ts';
import { createApplication } from '../intake/intake.service.ts';
import { saveTrackingSettings, trackingSettings } from '../numbering/numbering.service.ts';
import { trackingView } from '../public/public.service.ts';
import { sweepApplications } from '../sweep/sweep.service.ts';
import { performStep, type StepInput } from './steps.service.ts';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; message: string; fields?: Record<string, string> };
    return { code: e.code, message: e.message, fields: e.fields ?? {} };
  }
  throw new Error('expected a refusal');
};

describeEachDialect('fees: the payment period runs from the applicant’s receipt of the 收费通知', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor;
  const clock = new TestClock('2026-03-02T02:00:00Z');
  let n = 0;
  const at = (date: string) => clock.set(`${date}T02:00:00Z`);
  const step = (actor: Actor, id: string, s: Step, input: StepInput = {}) => performStep(deps, actor, id, s, input);
  const apply = async (deliveryMethod: 'post' | 'online' = 'post') =>
    (
      await createApplication(
        deps,
        clerk,
        citizen(agencyId, { applicantName: `缴费人${++n}`, idNumber: '350502198506123013', deliveryMethod }),
      )
    ).application;

  beforeAll(async () => {
    t = await createTestDb(dialect);
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

  it('a posted notice does not lapse while its signing date is unknown; recorded, the 20 working days run from the next day', async () => {
    at('2026-03-02');
    const a = await apply('post');
    at('2026-03-10');
    const issued = await step(handler, a.id, 'issueFeeNotice', { basis: 'per_page', pages: 120 });
    expect(issued.state).toBe('awaitingFee');
    // Counted from the issue, the period ended on 2026-04-08 and the sweep of 04-10 closed the case
    // as 视为放弃申请 — the failure this reproduces. Now nothing lapses: the receipt date is unknown.
    at('2026-04-10');
    await sweepApplications(t.db, clock);
    expect(await repo.findById(t.db, a.id)).toMatchObject({ state: 'awaitingFee', closedBy: null });
    const before = await getApplication(deps, handler, a.id);
    expect(before.clock).toMatchObject({
      feeNoticeDelivery: 'post',
      feeNoticeReceivedDate: null,
      feeReceiptUnknown: true,
      paymentDue: null,
    });
    expect(before.steps).toContain('recordFeeReceipt');
    expect((await trackingView(deps, (await repo.findById(t.db, a.id))!)).fee).toMatchObject({
      delivery: 'post',
      receivedDate: null,
      paymentDue: null,
    });

    const future = await refusal(step(clerk, a.id, 'recordFeeReceipt', { date: '2026-04-11' }));
    expect(future.fields.date).toMatch(/晚于今天.*不能登记尚未发生的事实/);
    const early = await refusal(step(clerk, a.id, 'recordFeeReceipt', { date: '2026-03-09' }));
    expect(early.fields.date).toBe('日期2026年3月9日早于发出收费通知之日2026年3月10日');

    // The post office's record: signed for on 2026-03-13 → due 2026-04-13 (清明 4-4…4-6 off).
    const signed = await step(clerk, a.id, 'recordFeeReceipt', { date: '2026-03-13' });
    expect(signed.state).toBe('awaitingFee');
    const after = await getApplication(deps, handler, a.id);
    expect(after.clock).toMatchObject({
      feeNoticeReceivedDate: '2026-03-13',
      feeReceiptUnknown: false,
      paymentDue: '2026-04-13',
    });
    expect(after.steps).not.toContain('recordFeeReceipt');
    const [notice] = (await letters.listLetters(t.db, a.id)).filter((l) => l.kind === 'fee_notice');
    expect(notice!.values.缴费期限).toBe('收到本通知次日起20个工作日届满之日');
    expect(after.events.at(-1)).toMatchObject({ type: 'feeNoticeReceived', date: '2026-03-13' });
    const view = await trackingView(deps, (await repo.findById(t.db, a.id))!);
    expect(view.fee).toMatchObject({ receivedDate: '2026-03-13', paymentDue: '2026-04-13' });
    expect(view.timeline.at(-1)!.summary).toContain('2026年3月13日收到收费通知');

    // No payment by 04-13: the sweep of 04-14 records the lapse.
    at('2026-04-14');
    await sweepApplications(t.db, clock);
    expect(await repo.findById(t.db, a.id)).toMatchObject({ state: 'closed', closedBy: 'feeLapsed' });
  });

  it('a receipt date known at issue, and e-mail or online delivery, start the period at once', async () => {
    at('2026-03-02');
    const a = await apply('post');
    const c = await apply('post');
    at('2026-03-16');
    const known = await step(handler, a.id, 'issueFeeNotice', {
      basis: 'per_page',
      pages: 120,
      delivery: 'post',
      date: '2026-03-10',
      receivedDate: '2026-03-13',
    });
    expect(known.state).toBe('awaitingFee');
    expect((await getApplication(deps, handler, a.id)).clock.paymentDue).toBe('2026-04-13');
    const bad = await refusal(
      step(handler, c.id, 'issueFeeNotice', {
        basis: 'per_page',
        pages: 120,
        date: '2026-03-10',
        receivedDate: '2026-03-09',
      }),
    );
    expect(bad.fields.receivedDate).toBe('日期2026年3月9日早于发出收费通知之日2026年3月10日');

    // The applicant chose online delivery: the notice is received the day it is sent.
    at('2026-03-02');
    const b = await apply('online');
    at('2026-03-10');
    await step(handler, b.id, 'issueFeeNotice', { basis: 'per_page', pages: 120 });
    const online = await getApplication(deps, handler, b.id);
    expect(online.clock).toMatchObject({
      feeNoticeDelivery: 'online',
      feeNoticeReceivedDate: '2026-03-10',
      paymentDue: '2026-04-08',
    });
    expect(online.steps).not.toContain('recordFeeReceipt');
  });

  it('accepting a late payment is the agency’s own [INTERPRETATION] setting, off by default, audited', async () => {
    at('2026-03-02');
    const a = await apply('online');
    at('2026-03-10');
    await step(handler, a.id, 'issueFeeNotice', { basis: 'per_page', pages: 120 });
    at('2026-04-10');
    await sweepApplications(t.db, clock);
    expect((await trackingSettings(deps, head, agencyId)).lateFeePaymentAcceptable).toBe(false);
    const refused = await refusal(step(clerk, a.id, 'recordFeePaid', { date: '2026-04-09', lateReason: '银行延误' }));
    expect(refused.fields.date).toMatch(/逾期缴费不予登记/);

    expect((await refusal(saveTrackingSettings(deps, clerk, agencyId, { lateFeePaymentAcceptable: true }))).code).toBe(
      'FORBIDDEN',
    );
    const saved = await saveTrackingSettings(deps, head, agencyId, { lateFeePaymentAcceptable: true });
    expect(saved.lateFeePaymentAcceptable).toBe(true);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['summary'])
      .where('action', '=', 'application.settings')
      .execute();
    expect(audit.map((r) => r.summary)).toContain(
      '逾期缴费设置改为：写明理由可予接受（[解释性设置]，国办函〔2020〕109号未规定正当理由例外）',
    );
    const noReason = await refusal(step(clerk, a.id, 'recordFeePaid', { date: '2026-04-09' }));
    expect(noReason.fields.lateReason).toMatch(/接受逾期缴费须写明理由/);
    const accepted = await step(clerk, a.id, 'recordFeePaid', { date: '2026-04-09', lateReason: '银行系统故障' });
    expect(accepted).toMatchObject({ state: 'running', closedBy: null });
    await saveTrackingSettings(deps, head, agencyId, { lateFeePaymentAcceptable: false });
    expect((await trackingSettings(deps, head, agencyId)).lateFeePaymentAcceptable).toBe(false);
  });
});
