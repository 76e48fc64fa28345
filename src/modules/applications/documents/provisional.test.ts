import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { loadBundledYears } from '../../../domain/calendar/bundled.ts';
import { Calendar } from '../../../domain/calendar/calendar.ts';
import { isWeekend, tryParseIsoDate } from '../../../domain/calendar/dates.ts';
import type { CalendarYear } from '../../../domain/calendar/types.ts';
import { computeClock } from '../../../domain/clock/compute.ts';
import { provisionalBlocker } from '../../../domain/letters/index.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { importCalendarYear } from '../../calendar/calendar.service.ts';
import { clockEventsOf } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import { readLetter, sendDocument } from './documents.service.ts';
import * as letters from './documents.repository.ts';
import { createApplication } from '../intake/intake.service.ts';
import { applicantFile, findForApplicant, trackingView } from '../public/public.service.ts';
import { getApplication } from '../applications.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { pdfText } from '../../../../test/support/pdf.ts';

// The year after the last bundled one: its holidays are not loaded until the test imports them.
const bundled = loadBundledYears();
const last = Calendar.fromYears(bundled).loadedYears.at(-1)!;
const next = last + 1;
/** The first three Monday–Friday days of the next January, made days off by the test's notice. */
const januaryDaysOff = Array.from({ length: 10 }, (_, i) => `${next}-01-${String(i + 1).padStart(2, '0')}`)
  .filter((d) => !isWeekend(tryParseIsoDate(d)!))
  .slice(0, 3);
const nextYear: CalendarYear = {
  year: next,
  notice: { title: `国务院办公厅关于${next}年部分节假日安排的通知（测试）`, documentNo: null, date: null },
  days: januaryDaysOff.map((date) => ({ date, kind: 'off', name: '元旦' })),
};

describeEachDialect('暂定 notices: dates in a year whose holidays are not loaded', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, sysAdmin: Actor;
  const clock = new TestClock(`${last}-12-17T02:00:00Z`);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    [clerk, handler, sysAdmin] = (await Promise.all(['gxj.clerk', 'gxj.handler', 'sys.admin'].map(s.actor))) as [
      Actor,
      Actor,
      Actor,
    ];
  });
  afterAll(async () => t.destroy());

  it("flagged in the console, never sent or shown to the applicant until the year is loaded; then its dates are the engine's with the loaded calendar and it goes out", async () => {
    clock.set(`${last}-12-17T02:00:00Z`);
    const today = `${last}-12-17`;
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '张三', email: 'zhangsan@example.com' }),
    );
    // The default 15 working days run into next year; a third party consulted the same day too.
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
    const [correction] = await letters.listLetters(t.db, a.id);
    const [withinYear] = await letters.listLetters(t.db, b.id);
    expect(correction!.provisionalYears).toEqual([next]);
    expect(withinYear!.provisionalYears).toEqual([]);
    // What it states now is the engine's provisional date (weekends only in the missing year).
    const provisionalEnd = computeClock({
      events: clockEventsOf((await getApplication(deps, handler, a.id)).events),
      today,
      calendar: Calendar.fromYears(bundled),
      provisional: true,
    });
    expect(provisionalEnd.provisional).toBe(true);
    expect(correction!.values.补正期限).toBe(formatChineseDate(provisionalEnd.correctionPeriodEnd!));

    const doc = (await getApplication(deps, handler, a.id)).documents.find((d) => d.id === correction!.id)!;
    expect(doc).toMatchObject({ provisional: true, missingYears: [next], sendBlocker: provisionalBlocker([next]) });
    expect(doc.sendBlocker).toMatch(
      new RegExp(`^文书所述日期涉及尚未导入节假日安排的${next}年，是按周末推算的暂定日期，不能发送`),
    );
    expect((await getApplication(deps, handler, b.id)).documents[0]).toMatchObject({
      provisional: false,
      sendBlocker: null,
    });
    await expect(sendDocument(deps, clerk, a.id, correction!.id, { channel: 'email' })).rejects.toMatchObject({
      code: 'CALENDAR_NOT_LOADED',
      message: provisionalBlocker([next]),
    });
    // Staff may read it: its PDF says 暂定稿 at the head and is not kept.
    const draft = await readLetter(deps, handler, a.id, correction!.id, 'pdf');
    expect(draft.file.filename).toContain('暂定稿');
    expect(await pdfText(draft.content)).toContain(
      `【暂定稿，不得送达】本文书所述日期涉及尚未导入节假日安排的${next}年`,
    );
    expect((await letters.findLetter(t.db, correction!.id))!.pdfFileId).toBeNull();
    // The applicant does not get it yet.
    const before = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(before.files).toEqual([]);
    await expect(applicantFile(deps, a, correction!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The system administrator loads the year: January's first three weekdays are days off.
    clock.set(`${last}-12-18T02:00:00Z`);
    await importCalendarYear(t.db, sysAdmin, nextYear, clock);
    const loaded = Calendar.fromYears([...bundled, nextYear]);
    const engine = computeClock({
      events: clockEventsOf((await getApplication(deps, handler, a.id)).events),
      today,
      calendar: loaded,
    });
    expect(engine.provisional).toBe(false);
    expect(engine.correctionPeriodEnd).not.toBe(provisionalEnd.correctionPeriodEnd);

    const settled = (await getApplication(deps, handler, a.id)).documents.find((d) => d.id === correction!.id)!;
    expect(settled).toMatchObject({ provisional: false, missingYears: [], sendBlocker: null });
    const stored = (await letters.findLetter(t.db, correction!.id))!;
    expect(stored.provisionalYears).toEqual([]);
    expect(stored.values.补正期限).toBe(formatChineseDate(engine.correctionPeriodEnd!));
    expect(await pdfText((await readLetter(deps, handler, a.id, correction!.id, 'pdf')).content)).toContain(
      `请于${formatChineseDate(engine.correctionPeriodEnd!)}前将补正后的申请提交本机关`,
    );
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary', 'actor_name'])
      .where('subject_id', '=', a.id)
      .where('action', '=', 'application.notice_settled')
      .execute();
    expect(audit).toEqual([
      {
        action: 'application.notice_settled',
        actor_name: '日历核定',
        summary: `${a.trackingNumber}：补正告知书（致张三）的暂定日期按已导入的${next}年节假日安排核定，补正期限由${formatChineseDate(provisionalEnd.correctionPeriodEnd!)}改为${formatChineseDate(engine.correctionPeriodEnd!)}`,
      },
    ]);

    // Now it goes out and the applicant sees it.
    expect(await sendDocument(deps, clerk, a.id, correction!.id, { channel: 'email' })).toMatchObject({
      recipientAddress: 'zhangsan@example.com',
    });
    const after = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(after.files.map((f) => f.label)).toEqual(['补正告知书']);
    // Settled once: reading it again changes nothing.
    await getApplication(deps, handler, a.id);
    expect(
      await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('subject_id', '=', a.id)
        .where('action', '=', 'application.notice_settled')
        .execute(),
    ).toHaveLength(1);
  });
});
