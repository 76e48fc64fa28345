/**
 * 待办 per role, 不批准延期, the 签发 guard of 予以公开/部分公开 and the 补正 beside the request, on
 * SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { TestClock } from '../../../../test/support/clock.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { isTodo, TODO_KINDS, type TodoKind } from '../../../domain/applications/todo.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { AppDeps } from '../applications.deps.ts';
import { addFile, getApplication, listApplications } from '../applications.service.ts';
import { listLetters } from '../documents/documents.repository.ts';
import { previewReplyLetter } from '../documents/reply-letter.ts';
import { createApplication } from '../intake/intake.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { listTodo } from './todo.service.ts';

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

describeEachDialect('待办 and approvals', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, reviewer: Actor;
  const clock = new TestClock('2025-03-03T02:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, clock);
    deps = s.deps;
    agencyId = s.agencyId;
    [clerk, handler, head, reviewer] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor];
  });
  afterAll(async () => t.destroy());

  const apply = (over = {}) => createApplication(deps, clerk, citizen(agencyId, over)).then((r) => r.application);
  const groupOf = async (actor: Actor, kind: TodoKind) =>
    (await listTodo(deps, actor)).groups.find((g) => g.kind === kind);

  /** The stored applications of the agency that are of `kind` for `actor`, by the pure rule. */
  async function expected(actor: Actor, kind: TodoKind): Promise<string[]> {
    const rows = await t.db
      .selectFrom('application')
      .select(['id', 'state', 'handler_id', 'decision_status', 'extension_requested_days', 'archived_at'])
      .where('agency_id', '=', agencyId)
      .execute();
    return rows
      .filter((r) =>
        isTodo(
          kind,
          {
            state: r.state,
            handlerId: r.handler_id,
            decisionStatus: r.decision_status,
            extensionRequested: r.extension_requested_days !== null,
            archived: r.archived_at !== null,
          },
          actor.id,
        ),
      )
      .map((r) => r.id)
      .sort();
  }

  it('each role sees its own kinds; the inbox filter and the counts say what the rule says', async () => {
    const waiting = await apply({ channel: 'post-ordinary', arrivalDate: '2025-03-03' });
    const running = await apply();
    const kindsOf = async (a: Actor) => (await listTodo(deps, a)).groups.map((g) => g.kind);
    expect(await kindsOf(clerk)).toEqual(['confirm', 'assign']);
    expect(await kindsOf(reviewer)).toEqual(['review']);
    expect(await kindsOf(handler)).toEqual(['handle', 'deliver', 'correction', 'consultation', 'fee']);
    expect(await kindsOf(head)).toEqual(TODO_KINDS.filter((k) => k !== 'review'));
    expect((await groupOf(clerk, 'confirm'))!.items.map((i) => i.application.id)).toContain(waiting.id);
    expect((await groupOf(clerk, 'assign'))!.items.map((i) => i.application.id)).toContain(running.id);
    await performStep(deps, clerk, running.id, 'assign', { handlerId: handler.id! });
    expect((await groupOf(handler, 'handle'))!.items.map((i) => i.application.id)).toContain(running.id);
    // Not the head's, though the head may handle: it is assigned to the handler.
    expect((await groupOf(head, 'handle'))!.items.map((i) => i.application.id)).not.toContain(running.id);

    for (const actor of [clerk, handler, head, reviewer]) {
      const todo = await listTodo(deps, actor);
      for (const g of todo.groups) {
        const ids = await expected(actor, g.kind);
        expect(g.count, `${actor.name} ${g.kind}`).toBe(ids.length);
        const inbox = await listApplications(deps, actor, { waiting: g.kind, pageSize: 100 });
        expect(inbox.items.map((a) => a.id).sort(), `${actor.name} ${g.kind}`).toEqual(ids);
        // Most urgent first: overdue, then due within 3 working days, by due date.
        const dues = g.items.map((i) => i.application.replyDue ?? '9999-12-31');
        expect(dues).toEqual([...dues].sort());
        const rank = { overdue: 0, dueSoon: 1, later: 2, none: 3 };
        const ranks = g.items.map((i) => rank[i.urgency]);
        expect(ranks).toEqual([...ranks].sort());
        expect(g.overdue).toBe(inbox.items.filter((a) => a.replyDue !== null && a.replyDue < todo.today).length);
        expect(g.dueSoon).toBe(
          inbox.items.filter((a) => a.replyDue !== null && a.replyDue >= todo.today && a.replyDue <= todo.dueSoonLimit)
            .length,
        );
      }
    }
    // 2025-03-03 (Monday) + 3 working days.
    expect((await listTodo(deps, clerk)).dueSoonLimit).toBe('2025-03-06');
  });

  it('不批准延期: a reason is required; the due date stays; audited; the handler sees why; the head sees the new date before approving', async () => {
    clock.set('2025-03-03T02:00:00Z');
    const a = await apply();
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    await performStep(deps, handler, a.id, 'requestExtension', { days: 10, reason: '涉及多个项目，需逐项核对' });
    expect((await groupOf(head, 'approveExtension'))!.items.map((i) => i.application.id)).toContain(a.id);
    const before = await getApplication(deps, head, a.id);
    expect(before.steps).toEqual(expect.arrayContaining(['approveExtension', 'refuseExtension']));
    expect(before.pendingExtension).toMatchObject({
      days: 10,
      reason: '涉及多个项目，需逐项核对',
      requestedDate: '2025-03-03',
      currentDue: before.clock.replyDue,
    });
    expect(before.pendingExtension!.newDue! > before.clock.replyDue!).toBe(true);

    expect((await refused(performStep(deps, handler, a.id, 'refuseExtension', { reason: '不需要' }))).code).toBe(
      'FORBIDDEN',
    );
    const blank = await refused(performStep(deps, head, a.id, 'refuseExtension', { reason: '  ' }));
    expect(blank).toBeInstanceOf(ValidationError);
    expect((blank as ValidationError).fields.reason).toMatch(/请写明不批准延期的理由/);
    // Nothing was lost: the request still waits.
    expect((await getApplication(deps, head, a.id)).pendingExtension?.days).toBe(10);

    clock.set('2025-03-04T02:00:00Z');
    const refusedRec = await performStep(deps, head, a.id, 'refuseExtension', { reason: '材料已齐备，请按期答复' });
    expect(refusedRec.replyDue).toBe(before.clock.replyDue);
    expect(refusedRec.extensionRequestedDays).toBeNull();
    const seen = await getApplication(deps, handler, a.id);
    expect(seen.pendingExtension).toBeNull();
    expect(seen.extensionRefusal).toMatchObject({ date: '2025-03-04', days: 10, reason: '材料已齐备，请按期答复' });
    expect(seen.events.at(-1)).toMatchObject({ type: 'extensionRefused', public: false });
    expect(seen.clock.extensionWorkingDays).toBe(0);
    expect((await groupOf(head, 'approveExtension'))!.items.map((i) => i.application.id)).not.toContain(a.id);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('subject_id', '=', a.id)
      .where('action', '=', 'application.refuseExtension')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatch(/不批准延期答复：材料已齐备/);
    // No 延期答复告知书 was issued.
    expect((await listLetters(t.db, a.id)).map((l) => l.kind)).not.toContain('extension_notice');

    // Asked again and approved: the due date is the one the head was shown.
    await performStep(deps, handler, a.id, 'requestExtension', { days: 5, reason: '第三方材料尚未送达' });
    const shown = (await getApplication(deps, head, a.id)).pendingExtension!;
    expect((await getApplication(deps, handler, a.id)).extensionRefusal).toBeNull();
    const approved = await performStep(deps, head, a.id, 'approveExtension', {});
    expect(approved.replyDue).toBe(shown.newDue);
  });

  it('签发 of 部分公开 needs its released file; the message names it; nothing is lost', async () => {
    clock.set('2025-03-05T02:00:00Z');
    const a = await apply();
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    await performStep(deps, handler, a.id, 'decide', {
      outcome: 'partial',
      legalBasis: '第三十七条',
      reasons: '评审专家个人信息不予公开',
    });
    await addFile(deps, handler, a.id, 'reply_letter', { filename: '告知书.pdf', content: PDF });
    await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true });
    expect((await groupOf(head, 'signOff'))!.items.map((i) => i.application.id)).toContain(a.id);
    const err = await refused(performStep(deps, head, a.id, 'signOff', {}));
    expect(err.code).toBe('RELEASED_FILE_MISSING');
    expect(err.message).toMatch(/部分公开的答复须附.*提供文件（对外版本）/);
    expect((await getApplication(deps, head, a.id)).application.decisionStatus).toBe('reviewed');
    await addFile(deps, handler, a.id, 'released', { filename: '评审结果（公开版）.pdf', content: PDF });
    await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true });
    expect((await performStep(deps, head, a.id, 'signOff', {})).decisionStatus).toBe('signed');
    expect((await groupOf(handler, 'deliver'))!.items.map((i) => i.application.id)).toContain(a.id);
    // A refusal needs no released file.
    const b = await apply();
    await performStep(deps, handler, b.id, 'decide', {
      outcome: 'unavailable_not_held',
      legalBasis: '第三十六条第四项',
    });
    await performStep(deps, reviewer, b.id, 'reviewConfidentiality', { passed: true });
    expect((await performStep(deps, head, b.id, 'signOff', {})).decisionStatus).toBe('signed');
  });

  it('a draft the 保密审查 sends back waits for its handler to revise, not for the reviewer; revised, it is reviewed again', async () => {
    clock.set('2025-03-06T02:00:00Z');
    const a = await apply();
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    const draft = { outcome: 'unavailable_not_held', legalBasis: '第三十六条第四项' };
    await performStep(deps, handler, a.id, 'decide', draft);
    const ids = async (actor: Actor, kind: TodoKind) =>
      ((await groupOf(actor, kind))?.items ?? []).map((i) => i.application.id);
    expect(await ids(reviewer, 'review')).toContain(a.id);
    expect(await ids(handler, 'handle')).not.toContain(a.id);
    const back = await performStep(deps, reviewer, a.id, 'reviewConfidentiality', {
      passed: false,
      note: '理由不充分',
    });
    expect(back.decisionStatus).toBe('returned');
    expect(await ids(reviewer, 'review')).not.toContain(a.id);
    expect(await ids(handler, 'handle')).toContain(a.id);
    expect(
      (await listApplications(deps, handler, { waiting: 'handle', pageSize: 100 })).items.map((x) => x.id),
    ).toContain(a.id);
    // Neither reviewed again nor signed off as it stands.
    expect(
      (await refused(performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true }))).message,
    ).toMatch(/退回承办人/);
    expect((await refused(performStep(deps, head, a.id, 'signOff', {}))).message).toMatch(/保密审查/);
    await performStep(deps, handler, a.id, 'decide', { ...draft, reasons: '经检索，本机关未制作或获取该信息' });
    expect(await ids(reviewer, 'review')).toContain(a.id);
    expect(await ids(handler, 'handle')).not.toContain(a.id);
    expect((await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true })).decisionStatus).toBe(
      'reviewed',
    );
  });

  it('the 补正 is shown beside the request, its items numbered in the notice', async () => {
    clock.set('2025-03-05T02:00:00Z');
    const a = await apply();
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    await performStep(deps, clerk, a.id, 'requestCorrection', { items: '请写明项目名称\n请写明所需材料的年度' });
    expect((await groupOf(handler, 'correction'))!.items.map((i) => i.application.id)).toContain(a.id);
    const notice = (await listLetters(t.db, a.id)).find((l) => l.kind === 'correction_notice')!;
    expect(notice.values.补正事项).toBe('1.请写明项目名称。\n2.请写明所需材料的年度。');
    expect((await getApplication(deps, handler, a.id)).correction).toMatchObject({
      requestedDate: '2025-03-05',
      items: '请写明项目名称\n请写明所需材料的年度',
      receivedDate: null,
      text: null,
    });
    clock.set('2025-03-07T02:00:00Z');
    await performStep(deps, clerk, a.id, 'recordCorrection', { note: '2024年度技术改造项目评审结果' });
    expect((await getApplication(deps, handler, a.id)).correction).toMatchObject({
      receivedDate: '2025-03-07',
      text: '2024年度技术改造项目评审结果',
      by: 'staff',
    });
    // The reply answers the application as corrected (第三十条), not the original request.
    await performStep(deps, handler, a.id, 'decide', {
      outcome: 'partial',
      legalBasis: '第三十七条',
      reasons: '评审专家个人信息不予公开',
    });
    const letter = (await previewReplyLetter(deps, head, a.id)).paragraphs.join('\n');
    expect(letter).toContain('2024年度技术改造项目评审结果（补正后）');
  });
});
