import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { loadBundledYears } from '../../../domain/calendar/bundled.ts';
import { Calendar } from '../../../domain/calendar/calendar.ts';
import { isWeekend, tryParseIsoDate } from '../../../domain/calendar/dates.ts';
import type { CalendarYear } from '../../../domain/calendar/types.ts';
import { computeClock } from '../../../domain/clock/compute.ts';
import { statutoryHolidays } from '../../../domain/calendar/statutory.ts';
import { PROVISIONAL_DATE_NOTE } from '../../../domain/letters/index.ts';
import { recomputeAfterCalendarImport } from './provisional.ts';
import * as repo from '../applications.repository.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { importCalendarYear } from '../../calendar/calendar.service.ts';
import { clockEventsOf } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import { readLetter, sendDocument } from './documents.service.ts';
import * as letters from './documents.repository.ts';
import { createApplication } from '../intake/intake.service.ts';
import { findForApplicant, trackingView } from '../public/public.service.ts';
import { getApplication } from '../applications.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { pdfText } from '../../../../test/support/pdf.ts';

// The year after the last bundled one: its holidays are not loaded until the test imports them.
const bundled = loadBundledYears();
const last = Calendar.fromYears(bundled).loadedYears.at(-1)!;
const next = last + 1;
/**
 * The test's notice for the next year: every statutory holiday, and a bridging day off on the first
 * Monday–Friday after 元旦 that is not one already (the kind of day only the notice can add).
 */
const statutory = statutoryHolidays(next);
const bridge = Array.from({ length: 10 }, (_, i) => `${next}-01-${String(i + 2).padStart(2, '0')}`).find(
  (d) => !isWeekend(tryParseIsoDate(d)!),
)!;
const nextYear: CalendarYear = {
  year: next,
  notice: { title: `国务院办公厅关于${next}年部分节假日安排的通知（测试）`, documentNo: null, date: null },
  days: [...statutory, { date: bridge, kind: 'off' as const, name: '元旦' }].sort((x, y) =>
    x.date.localeCompare(y.date),
  ),
};

describeEachDialect('暂定 dates: a year whose holidays are not loaded, and its import', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, sysAdmin: Actor;
  const clock = new TestClock(`${last}-12-17T02:00:00Z`);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    [clerk, handler, head, sysAdmin] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'sys.admin'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor];
  });
  afterAll(async () => t.destroy());

  it('statutory holidays are off, every provisional date says 暂定, the notices go out; the import recomputes in its transaction, settles them and tells the applicant whose date moved', async () => {
    clock.set(`${last}-11-20T02:00:00Z`);
    // c: received in November; in December its reply is extended 20 working days into January.
    const { application: c, queryCode: cCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '王五', idNumber: '350582199001011231', email: 'wangwu@example.com' }),
    );
    clock.set(`${last}-12-17T02:00:00Z`);
    const today = `${last}-12-17`;
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '张三', email: 'zhangsan@example.com' }),
    );
    // The default 15 working days run into next year.
    await performStep(deps, clerk, a.id, 'requestCorrection', { items: '请写明所需文件的年度' });
    const { application: b } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '李四', idNumber: '350582199506112054' }),
    );
    await performStep(deps, handler, b.id, 'requestCorrection', {
      items: '请写明项目名称',
      periodEnd: `${last}-12-30`,
    });
    await performStep(deps, handler, c.id, 'requestExtension', { days: 20, reason: '需要调取档案' });
    await performStep(deps, head, c.id, 'approveExtension', {});

    const [correction] = await letters.listLetters(t.db, a.id);
    const [withinYear] = await letters.listLetters(t.db, b.id);
    const [extension] = await letters.listLetters(t.db, c.id);
    expect(correction!.provisionalYears).toEqual([next]);
    expect(withinYear!.provisionalYears).toEqual([]);
    expect(extension!.provisionalYears).toEqual([next]);
    // What it states is the engine's provisional date — never on a statutory holiday — with the wording.
    const provisionalA = computeClock({
      events: clockEventsOf((await getApplication(deps, handler, a.id)).events),
      today,
      calendar: Calendar.fromYears(bundled),
      provisional: true,
    });
    expect(provisionalA.correctionPeriodEndProvisional).toBe(true);
    expect(statutory.map((d) => d.date)).not.toContain(provisionalA.correctionPeriodEnd);
    expect(correction!.values.补正期限).toBe(
      `${formatChineseDate(provisionalA.correctionPeriodEnd!)}${PROVISIONAL_DATE_NOTE}`,
    );
    const cBefore = (await repo.findById(t.db, c.id))!;
    expect(cBefore.dueProvisional).toBe(true);
    expect(statutory.map((d) => d.date)).not.toContain(cBefore.replyDue);
    expect(extension!.values.答复期限).toBe(`${formatChineseDate(cBefore.replyDue!)}${PROVISIONAL_DATE_NOTE}`);
    expect(extension!.values.延长天数).toBe('20');

    // The December 延期答复告知书 goes out as 暂定, and its PDF says so.
    const doc = (await getApplication(deps, handler, c.id)).documents.find((d) => d.id === extension!.id)!;
    expect(doc).toMatchObject({ provisional: true, missingYears: [next], sendBlocker: null });
    expect(await sendDocument(deps, clerk, c.id, extension!.id, { channel: 'email' })).toMatchObject({
      recipientAddress: 'wangwu@example.com',
    });
    const pdf = await pdfText((await readLetter(deps, handler, c.id, extension!.id, 'pdf')).content);
    expect(pdf.replace(/\s+/g, '')).toContain(
      `答复期限延长20个工作日，本机关将于${formatChineseDate(cBefore.replyDue!)}（暂定，以国务院办公厅公布的节假日安排为准）前作出答复`,
    );
    // The applicant sees the provisional date, marked, and the notices.
    const tracked = await trackingView(deps, await findForApplicant(deps, agencyId, c.trackingNumber, cCode));
    expect([tracked.replyDue, tracked.replyDueProvisional]).toEqual([cBefore.replyDue, true]);
    expect(tracked.files.map((f) => f.label)).toEqual(['延期答复告知书']);
    const trackedA = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(trackedA.correction).toMatchObject({ periodEndProvisional: true });
    expect(trackedA.files.map((f) => f.label)).toEqual(['补正告知书']);

    // The system administrator imports the year: in the same transaction every stored date is recomputed.
    clock.set(`${last}-12-18T02:00:00Z`);
    const result = await importCalendarYear(t.db, sysAdmin, nextYear, clock, {
      afterImport: (tx, calendar) => recomputeAfterCalendarImport(tx, clock, calendar, [next]),
    });
    expect(result.after).toMatchObject({ noticesSettled: 2, followUps: 2 });
    const loaded = Calendar.fromYears([...bundled, nextYear]);
    const cNow = computeClock({
      events: clockEventsOf((await getApplication(deps, handler, c.id)).events),
      today: `${last}-12-18`,
      calendar: loaded,
    });
    expect(cNow.replyDue).not.toBe(cBefore.replyDue);
    // Stored columns follow at once (no sweep needed), before anyone reads a letter.
    expect(await repo.findById(t.db, c.id)).toMatchObject({ replyDue: cNow.replyDue, dueProvisional: false });

    const settled = (await letters.findLetter(t.db, extension!.id))!;
    expect(settled.provisionalYears).toEqual([]);
    expect(settled.values.答复期限).toBe(formatChineseDate(cNow.replyDue!));
    const followUp = (await letters.listLetters(t.db, c.id)).find((l) => l.kind === 'date_change_notice')!;
    expect(followUp.values.变更事项).toBe(
      `答复期限由${formatChineseDate(cBefore.replyDue!)}（暂定）调整为${formatChineseDate(cNow.replyDue!)}`,
    );
    expect(followUp.values.节假日年份).toBe(`${next}年`);
    const aFollowUp = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'date_change_notice')!;
    expect(aFollowUp.values.变更事项).toMatch(/^补正期限由.*（暂定）调整为/);
    expect((await letters.listLetters(t.db, b.id)).map((l) => l.kind)).toEqual(['correction_notice']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name'])
      .where('subject_id', '=', c.id)
      .where('action', 'in', ['application.recomputed', 'application.notice_settled', 'application.dates_settled'])
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      'application.recomputed',
      'application.notice_settled',
      'application.dates_settled',
    ]);
    // The applicant's tracking page shows the settled date, no longer 暂定, and the follow-up notice.
    const after = await trackingView(deps, await findForApplicant(deps, agencyId, c.trackingNumber, cCode));
    expect([after.replyDue, after.replyDueProvisional]).toEqual([cNow.replyDue, false]);
    expect(after.files.map((f) => f.label)).toEqual(['延期答复告知书', '期限调整告知书']);
    expect(after.timeline.at(-1)!.summary).toContain(`按国务院办公厅公布的${next}年节假日安排核定暂定日期`);
    // Settled once: reading again changes nothing.
    await getApplication(deps, handler, c.id);
    expect(
      await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('subject_id', '=', c.id)
        .where('action', '=', 'application.notice_settled')
        .execute(),
    ).toHaveLength(1);
  });

  it('a year file lacking a statutory holiday is refused unless the importer confirms it', async () => {
    const partial: CalendarYear = {
      ...nextYear,
      year: next + 1,
      days: [{ date: `${next + 1}-01-01`, kind: 'off', name: '元旦' }],
    };
    await expect(importCalendarYear(t.db, sysAdmin, partial, clock)).rejects.toMatchObject({
      code: 'CALENDAR_HOLIDAYS_MISSING',
      message: expect.stringContaining(`${next + 1}年的日历文件缺少《全国年节及纪念日放假办法》规定的法定节假日：春节`),
    });
    const imported = await importCalendarYear(t.db, sysAdmin, partial, clock, { confirmMissingHolidays: true });
    expect(imported.year).toBe(next + 1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'calendar.import')
      .where('subject_id', '=', String(next + 1))
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('经确认，文件缺少法定节假日春节');
  });
});
