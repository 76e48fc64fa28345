import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { computeClock } from '../../domain/clock/compute.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import type { AppDeps } from './applications.deps.ts';
import { createApplication } from './intake/intake.service.ts';
import { findForApplicant, NOT_FOUND_MESSAGE, trackingView } from './public/public.service.ts';
import { addFile, applicationFigures, getApplication, listApplications } from './applications.service.ts';
import { performStep } from './steps/steps.service.ts';
import { citizen, demoSetup } from '../../../test/support/factories/applications.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function refused(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describeEachDialect('applications service', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, reviewer: Actor, supervisor: Actor;
  const clock = new TestClock('2025-03-03T02:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, clock);
    deps = s.deps;
    agencyId = s.agencyId;
    [clerk, handler, head, reviewer, supervisor] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer', 'zfb.supervisor'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor, Actor];
  });
  afterAll(async () => t.destroy());

  it('第三十一条: an online application waits for confirmation; the clock starts on the confirmation date', async () => {
    clock.set('2025-03-03T02:00:00Z');
    const r = await createApplication(
      deps,
      null,
      citizen(agencyId, { channel: 'online', idempotencyKey: `k-${dialect}-1` }),
    );
    expect(r.application.state).toBe('awaitingConfirmation');
    expect(r.application.receivedDate).toBeNull();
    expect(r.application.trackingNumber).toMatch(/^洛工信依申〔2025〕\d+号$/);
    clock.set('2025-03-04T02:00:00Z');
    const confirmed = await performStep(deps, clerk, r.application.id, 'confirmReceipt', {});
    expect(confirmed.receivedDate).toBe('2025-03-04');
    const engine = computeClock({ events: [{ type: 'received', date: '2025-03-04' }], today: '2025-03-04', calendar });
    expect(confirmed.replyDue).toBe(engine.replyDue);
    expect(confirmed.dueRule).toMatch(/第三十三条/);
  });

  it('a double submit of the same form creates one application and shows the same query code', async () => {
    const a = await createApplication(
      deps,
      null,
      citizen(agencyId, { channel: 'online', idempotencyKey: `k-${dialect}-2` }),
    );
    const b = await createApplication(
      deps,
      null,
      citizen(agencyId, { channel: 'online', idempotencyKey: `k-${dialect}-2` }),
    );
    expect(b.duplicate).toBe(true);
    expect(b.application.id).toBe(a.application.id);
    expect(b.queryCode).toBe(a.queryCode);
  });

  it('personal data is encrypted at rest, hashed for matching and masked in lists', async () => {
    const r = await createApplication(deps, clerk, citizen(agencyId));
    const row = await t.db
      .selectFrom('application')
      .selectAll()
      .where('id', '=', r.application.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('350502198506123013');
    expect(JSON.stringify(row)).not.toContain('13800138000');
    expect(row.id_number_masked).toBe('3505**********3013');
    expect(row.id_number_hash).toBe(deps.cipher.keyedHash('350502198506123013'));
    expect(deps.cipher.decrypt(row.phone_enc)).toBe('13800138000');
  });

  it('the full workflow: correction, consultation, extension, decision, release control, reply, archive', async () => {
    clock.set('2025-03-03T02:00:00Z');
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { infoDescription: '某企业技改项目的验收材料' }),
    );
    expect(a.receivedDate).toBe('2025-03-03');
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    expect(
      (await refused(performStep(deps, reviewer, a.id, 'requestCorrection', { items: '请明确项目名称' }))).code,
    ).toBe('FORBIDDEN');
    clock.set('2025-03-05T02:00:00Z');
    await performStep(deps, handler, a.id, 'requestCorrection', { items: '请明确项目名称和年度' });
    expect(
      (
        await refused(
          performStep(deps, handler, a.id, 'decide', { outcome: 'granted', legalBasis: '第三十六条', reasons: '' }),
        )
      ).code,
    ).toBe('STEP_NOT_ALLOWED');
    clock.set('2025-03-10T02:00:00Z');
    const tracked = await findForApplicant(deps, agencyId, a.trackingNumber, queryCode);
    expect((await trackingView(deps, tracked)).correction?.items).toBe('请明确项目名称和年度');
    const corrected = await performStep(deps, clerk, a.id, 'recordCorrection', { note: '2024年某企业技改项目' });
    expect(corrected.replyDue).toBe(
      computeClock({
        events: [
          { type: 'received', date: '2025-03-03' },
          { type: 'correctionRequested', date: '2025-03-05' },
          { type: 'correctionReceived', date: '2025-03-10' },
        ],
        today: '2025-03-10',
        calendar,
      }).replyDue,
    );
    expect((await refused(performStep(deps, handler, a.id, 'requestCorrection', { items: 'x' }))).message).toMatch(
      /一次性/,
    );
    await performStep(deps, handler, a.id, 'sendConsultation', { party: 'third', partyName: '某企业' });
    clock.set('2025-03-12T02:00:00Z');
    await performStep(deps, handler, a.id, 'recordConsultationAnswer', { opinion: 'object', note: '涉及商业秘密' });
    await performStep(deps, handler, a.id, 'requestExtension', { days: 10, reason: '材料较多' });
    expect((await refused(performStep(deps, handler, a.id, 'approveExtension', {}))).code).toBe('FORBIDDEN');
    const extended = await performStep(deps, head, a.id, 'approveExtension', {});
    expect(extended.dueRule).toMatch(/延长10个工作日/);
    // The part the third party objected to is withheld: no 第三十二条 notice to it is needed.
    await performStep(deps, handler, a.id, 'decide', {
      outcome: 'partial',
      legalBasis: '第三十七条',
      reasons: '涉及第三方商业秘密的部分不予公开',
      thirdPartyWithheld: true,
    });
    await addFile(deps, handler, a.id, 'reply_letter', { filename: '告知书.pdf', content: PDF });
    await addFile(deps, handler, a.id, 'released', { filename: '评审结果（公开版）.pdf', content: PDF });
    expect((await refused(performStep(deps, handler, a.id, 'reply', {}))).message).toMatch(/保密审查/);
    expect((await refused(performStep(deps, head, a.id, 'signOff', {}))).message).toMatch(/保密审查/);
    await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true });
    await performStep(deps, head, a.id, 'signOff', {});
    clock.set('2025-03-20T02:00:00Z');
    const replied = await performStep(deps, handler, a.id, 'reply', {});
    expect([replied.state, replied.closedDate, replied.outcome]).toEqual(['closed', '2025-03-20', 'partial']);
    const view = await trackingView(deps, tracked);
    // The notices addressed to the applicant and the reply; never the letter to the consulted third party.
    // …and the released version of the 部分公开, reviewed and sent with it.
    expect(view.files.map((f) => f.role)).toEqual([
      'correction_notice',
      'extension_notice',
      'released',
      'reply_letter',
    ]);
    expect(view.timeline.map((e) => e.summary).join()).not.toMatch(/承办人|保密审查|签发/);
    await performStep(deps, clerk, a.id, 'archive', {});
    expect((await getApplication(deps, clerk, a.id)).steps).toEqual([]);
  });

  it('wrong and malformed tracking numbers and codes get the same answer', async () => {
    const { application: a, queryCode } = await createApplication(deps, clerk, citizen(agencyId));
    const messages = await Promise.all([
      refused(findForApplicant(deps, agencyId, a.trackingNumber, 'ZZZZZZZZ')),
      refused(findForApplicant(deps, agencyId, 'nonsense', queryCode)),
      refused(findForApplicant(deps, agencyId, a.trackingNumber, '')),
      refused(findForApplicant(deps, agencyId, '<script>', '!!')),
    ]);
    expect(new Set(messages.map((m) => `${m.code}:${m.message}`))).toEqual(new Set([`NOT_FOUND:${NOT_FOUND_MESSAGE}`]));
    expect(
      (
        await findForApplicant(
          deps,
          agencyId,
          a.trackingNumber.replace('〔', '[').replace('〕', ']'),
          queryCode.toLowerCase(),
        )
      ).id,
    ).toBe(a.id);
  });

  it('the inbox filters and the supervisor reads the subtree; other agencies see nothing', async () => {
    const open = await listApplications(deps, clerk, { state: 'running' });
    expect(open.items.every((x) => x.state === 'running')).toBe(true);
    expect((await listApplications(deps, supervisor, { agencyId })).total).toBeGreaterThan(0);
    const outsider: Actor = { ...clerk, agencyId: 'elsewhere', visibleAgencies: new Set(['elsewhere']) };
    expect((await refused(listApplications(deps, outsider, { agencyId }))).code).toBe('FORBIDDEN');
  });

  it('applicationFigures counts per lifecycle.md and satisfies R3', async () => {
    const table = await applicationFigures(t.db, [agencyId], 2025);
    for (let c = 0; c < 7; c++)
      expect(table.received[c]! + table.carried_in[c]!).toBe(table.total[c]! + table.carried_out[c]!);
    expect(table.partial[0]).toBeGreaterThanOrEqual(1);
    const received = await t.db
      .selectFrom('application')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('kind', '=', 'disclosure')
      .where('received_date', '>=', '2025-01-01')
      .where('received_date', '<=', '2025-12-31')
      .execute();
    expect(table.received[6]).toBe(received.length);
  });
});

describeEachDialect('信息处理费 按件 per applicant per calendar month (国办函〔2020〕109号第四条)', (dialect) => {
  let t: TestDb;
  afterAll(async () => t.destroy());
  it('the 11th piece of a month costs 100元; the 10th is free; the other basis is refused (第三条)', async () => {
    t = await createTestDb(dialect);
    const clock = new TestClock('2025-04-01T02:00:00Z');
    const s = await demoSetup(t.db, new TestClock('2024-01-01T02:00:00Z'));
    const deps = { ...s.deps, clock };
    const [clerk, handler] = [await s.actor('gxj.clerk'), await s.actor('gxj.handler')];
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      clock.advanceMinutes(1);
      ids.push(
        (
          await createApplication(
            deps,
            clerk,
            citizen(s.agencyId, { idNumber: '350582199506112054', infoDescription: `第${i + 1}件` }),
          )
        ).application.id,
      );
    }
    await expect(
      performStep(deps, handler, ids[9]!, 'issueFeeNotice', { basis: 'per_piece', pieces: 1 }),
    ).rejects.toThrow(/不收费/);
    const charged = await performStep(deps, handler, ids[10]!, 'issueFeeNotice', { basis: 'per_piece', pieces: 1 });
    expect([charged.feeBasis, charged.feeAmount, charged.state]).toEqual(['per_piece', 100, 'awaitingFee']);
    await expect(
      performStep(deps, handler, ids[10]!, 'issueFeeNotice', { basis: 'per_page', pages: 50 }),
    ).rejects.toThrow(/已发出收费通知/);
  });
});
