import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../../../test/support/smtp.ts';
import { systemActor, type Actor } from '../../../policies/actor.ts';
import { createUser, updateOwnAccount, updateUser } from '../../accounts/users.service.ts';
import { findUserByUsername } from '../../accounts/users.repository.ts';
import { dashboard } from '../../dashboard/dashboard.service.ts';
import type { Mailer } from '../../outbox/mailer.ts';
import { deliverOutbox } from '../../outbox/outbox.delivery.ts';
import type { AppDeps } from '../applications.deps.ts';
import { applicationWarnings } from '../applications.dashboard.ts';
import { createApplication } from '../intake/intake.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { sweepApplications } from './sweep.service.ts';
import { recipientsOf } from './reminders.repository.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

describeEachDialect('reminder e-mails to the handler and the office heads, through a real SMTP server', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, deputy: Actor;
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  const clock = new TestClock('2025-05-06T02:00:00Z');
  const publicUrl = 'https://gk.example.gov.cn';
  const system = systemActor('测试');
  const sweep = () => sweepApplications(t.db, clock, { publicUrl });
  /** The mails the server received about one application (its id is in the link). */
  const mailsAbout = async (applicationId: string): Promise<Received[]> => {
    const out: Received[] = [];
    for (const r of smtp.received) {
      const m = await simpleParser(r.raw);
      if ((m.text ?? '').includes(applicationId)) out.push({ to: r.to, subject: m.subject ?? '', text: m.text ?? '' });
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    clerk = await s.actor('gxj.clerk');
    handler = await s.actor('gxj.handler');
    head = await s.actor('gxj.head');
    const policy = { passwordMinLength: 10 };
    await updateUser(t.db, system, handler.id!, { email: 'chen@example.gov.cn' }, clock);
    await updateUser(t.db, system, head.id!, { email: 'huang@example.gov.cn' }, clock);
    // A second office head without an address, and a third who turned reminder e-mails off.
    await createUser(
      t.db,
      system,
      {
        username: 'gxj.deputy',
        displayName: '刘副主任',
        agencyId,
        roles: ['office_head'],
        password: 'Deputy-Passw0rd!',
      },
      policy,
      clock,
    );
    await createUser(
      t.db,
      system,
      {
        username: 'gxj.quiet',
        displayName: '周主任',
        agencyId,
        roles: ['office_head'],
        password: 'Quiet-Passw0rd!',
        email: 'zhou@example.gov.cn',
        reminderEmail: false,
      },
      policy,
      clock,
    );
    deputy = await s.actor('gxj.deputy');

    smtp = await startLoopbackSmtp();
    mailer = smtp.mailer;
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.destroy();
  });

  it("mails the handler and the office head once per reminder — across two racing sweeps and a third — and never the applicant's data", async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: a } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { infoDescription: '洛阳镇工业园区2024年度招商引资协议' }),
    );
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    expect(a.replyDue).toBe('2025-06-04');

    clock.set('2025-05-29T02:00:00Z'); // 3 working days left: 05-30, 06-03, 06-04 (端午节 05-31–06-02)
    // Two nodes at once (on PostgreSQL, two connections racing for the same reminder rows), then again.
    const [one, two] = await Promise.all([sweep(), sweep()]);
    expect(one.reminders + two.reminders).toBeGreaterThanOrEqual(1);
    const again = await sweep();
    expect([again.reminders, again.mailsQueued, again.mailsSkipped]).toEqual([0, 0, 0]);
    await deliverOutbox(t.db, mailer, clock);
    await deliverOutbox(t.db, mailer, clock);

    const approaching = await mailsAbout(a.id);
    expect(approaching.map((m) => m.to.join()).sort()).toEqual(['chen@example.gov.cn', 'huang@example.gov.cn']);
    const toHandler = approaching.find((m) => m.to[0] === 'chen@example.gov.cn')!;
    expect(toHandler.subject).toBe(`【期限提醒】${a.trackingNumber}：答复期限（第三十三条）将于2025年6月4日届满`);
    expect(toHandler.text).toContain('陈承办（演示）：');
    expect(toHandler.text).toContain(
      `泉州市洛江区工业和信息化局收到的政府信息公开申请 ${a.trackingNumber}，答复期限（第三十三条）将于2025年6月4日届满，还有3个工作日（不含今天）`,
    );
    expect(toHandler.text).toContain(`${publicUrl}/admin/applications/${a.id}?agency=${agencyId}`);
    expect(toHandler.text).toContain('您是该申请的承办人');
    expect(approaching.find((m) => m.to[0] === 'huang@example.gov.cn')!.text).toContain('黄主任（演示）：');
    for (const m of approaching) {
      for (const personal of ['张三', '13800138000', '350502198506123013', '万安街道', '招商引资协议'])
        expect(`${m.subject}\n${m.text}`).not.toContain(personal);
    }

    const recipients = await recipientsOf(t.db, a.id, 'reply:2025-06-04:approaching');
    const byUser = new Map(recipients.map((r) => [r.userId, r.outcome]));
    const quiet = (await findUserByUsername(t.db, 'gxj.quiet'))!;
    expect(byUser).toEqual(
      new Map([
        [handler.id!, 'queued'],
        [head.id!, 'queued'],
        [deputy.id!, 'no_email'],
        [quiet.id, 'opted_out'],
      ]),
    );

    clock.set('2025-06-05T02:00:00Z');
    await sweep();
    await sweep();
    await deliverOutbox(t.db, mailer, clock);
    const all = await mailsAbout(a.id);
    const passed = all.filter((m) => m.subject.startsWith('【期限已过】'));
    expect(passed.map((m) => m.to.join()).sort()).toEqual(['chen@example.gov.cn', 'huang@example.gov.cn']);
    expect(passed[0]!.text).toContain('已于2025年6月4日届满，申请尚未办结，请尽快处理');
    expect(all).toHaveLength(4);
  });

  it('a handler who turns reminder e-mails off gets none; the office head still does', async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: b } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { infoDescription: '另一份文件' }),
    );
    await performStep(deps, clerk, b.id, 'assign', { handlerId: handler.id! });
    await updateOwnAccount(t.db, handler, { reminderEmail: false }, clock);
    clock.set('2025-05-29T02:00:00Z');
    await sweep();
    await deliverOutbox(t.db, mailer, clock);
    expect((await mailsAbout(b.id)).map((m) => m.to.join())).toEqual(['huang@example.gov.cn']);
    await updateOwnAccount(t.db, handler, { reminderEmail: true }, clock);
  });

  it('the dashboard counts the reminders and their e-mails, and names who has no address until one is set', async () => {
    clock.set('2025-06-05T02:00:00Z');
    const since = new Date(clock.now().getTime() - 7 * 86_400_000).toISOString();
    const reminders = await t.db
      .selectFrom('application_reminder as r')
      .innerJoin('application as x', 'x.id', 'r.application_id')
      .select('r.key')
      .where('x.agency_id', '=', agencyId)
      .where('r.sent_at', '>=', since)
      .execute();
    const mails = await t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('related_type', '=', 'application_reminder')
      .where('created_at', '>=', since)
      .execute();
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    const card = (await dashboard(t.db, head, agencyId, clock)).cards.find((c) => c.key === 'reminders')!;
    // Every reminder went to 刘副主任 (no address) and 周主任 (opted out), and one to 陈承办 while he had opted out.
    expect(card).toEqual({
      key: 'reminders',
      label: '近7日期限提醒',
      value: reminders.length,
      hint: `已发邮件 ${mails.length} 封，未设置邮箱 ${reminders.length} 人次，已关闭提醒 ${reminders.length + 1} 人次`,
    });

    const warnings = await applicationWarnings(t.db, head, clock);
    const missing = warnings.filter((w) => w.code === 'REMINDER_EMAIL_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain(`刘副主任（${reminders.length}条）未设置邮箱`);
    expect(missing[0]!.message).not.toContain('周主任');
    expect(warnings.filter((w) => w.code === 'APPLICATION_REMINDER')).toHaveLength(Math.min(reminders.length, 10));

    await updateOwnAccount(t.db, deputy, { email: 'liu@example.gov.cn' }, clock);
    expect((await applicationWarnings(t.db, head, clock)).some((w) => w.code === 'REMINDER_EMAIL_MISSING')).toBe(false);
  });
});
