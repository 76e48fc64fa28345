/**
 * Provisional notices (暂定, docs/letters.md). A notice whose dates depend on a calendar year not
 * loaded was computed by the engine with that year counted as weekends only; it is stored with
 * those years and stays inside the office — the console marks it 暂定, sending is refused, the
 * tracking page does not list it, and its DOCX/PDF carry a 暂定稿 line and are never kept.
 *
 * Once the years are loaded, the notice is settled the first time it is read (listed,
 * downloaded, sent or looked for by the applicant): its dates are computed again by the engine
 * from the events up to its step, as on the day it was issued, with the calendar now loaded;
 * if a date changed the notice is filled again with it. Either way the settlement is recorded
 * in the audit trail, and from then on the notice is an ordinary one.
 */
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { DOCUMENT_KIND_LABELS, missingYearsOf, type PlaceholderValues } from '../../../domain/letters/index.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import { systemActor } from '../../../policies/actor.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { composeAgencyLetter } from '../../letters/letters.service.ts';
import { calendarFor } from '../applications.calendar.ts';
import { clockOf } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as letters from './documents.repository.ts';
import * as events from '../applications.events.repository.ts';
import { noticeDates } from './notices.ts';
import type { ApplicationRecord } from '../applications.repository.ts';

/** A notice as read now: `missingYears` are the years it still waits for (empty: it may go out). */
export type CurrentLetter = letters.LetterRecord & { missingYears: number[] };

/** The notices, with those whose years are now loaded settled first. */
export async function currentLetters(
  deps: AppDeps,
  rec: ApplicationRecord,
  list: readonly letters.LetterRecord[],
): Promise<CurrentLetter[]> {
  if (!list.some((l) => l.provisionalYears.length > 0)) return list.map((l) => ({ ...l, missingYears: [] }));
  const calendar = await calendarFor(deps.db);
  let stored: events.EventRecord[] | null = null;
  const out: CurrentLetter[] = [];
  for (const l of list) {
    const missing = l.provisionalYears.filter((y) => !calendar.hasYear(y));
    if (l.provisionalYears.length === 0 || missing.length > 0) {
      out.push({ ...l, missingYears: missing });
      continue;
    }
    stored ??= await events.listEvents(deps.db, rec.id);
    const settled = await settle(deps, rec, l, stored, calendar);
    out.push({ ...settled, missingYears: settled.provisionalYears.filter((y) => !calendar.hasYear(y)) });
  }
  return out;
}

/** One notice of the application as read now. */
export async function currentLetter(
  deps: AppDeps,
  rec: ApplicationRecord,
  letter: letters.LetterRecord,
): Promise<CurrentLetter> {
  return (await currentLetters(deps, rec, [letter]))[0]!;
}

async function settle(
  deps: AppDeps,
  rec: ApplicationRecord,
  l: letters.LetterRecord,
  stored: readonly events.EventRecord[],
  calendar: Calendar,
): Promise<letters.LetterRecord> {
  // The clock after the notice's step, as computed that day, now with the loaded calendar.
  const clock = clockOf(
    stored.filter((e) => e.seq <= l.eventSeq),
    shanghaiDate(new Date(l.createdAt)),
    calendar,
  );
  const dates = noticeDates(
    l,
    clock,
    stored.find((e) => e.seq === l.eventSeq),
  );
  const values = { ...l.values, ...dates.values } as Record<string, string>;
  const changed = Object.keys(dates.values).filter((k) => l.values[k] !== values[k]);
  const content = changed.length ? await refill(deps, rec, l, values) : l.content;
  const still = missingYearsOf(calendar, dates.spans);
  const actor = systemActor('日历核定');
  await deps.db.transaction().execute(async (tx) => {
    if (
      !(await letters.settleLetter(tx, l.id, l.provisionalYears, {
        title: content.title,
        content,
        values,
        provisionalYears: still,
      }))
    )
      return;
    const what = changed.length
      ? `，${changed.map((k) => `${k}由${l.values[k]}改为${values[k]}`).join('；')}`
      : '，日期不变';
    await recordAudit(
      tx,
      actor,
      {
        agencyId: rec.agencyId,
        action: 'application.notice_settled',
        subjectType: 'application',
        subjectId: rec.id,
        summary: `${rec.trackingNumber}：${DOCUMENT_KIND_LABELS[l.kind]}（致${l.recipientName}）的暂定日期按已导入的${l.provisionalYears.join('、')}年节假日安排核定${what}`,
        before: { letterId: l.id, ...Object.fromEntries(changed.map((k) => [k, l.values[k]])) },
        after: { letterId: l.id, ...Object.fromEntries(changed.map((k) => [k, values[k]])) },
      },
      deps.clock,
    );
  });
  return (await letters.findLetter(deps.db, l.id))!;
}

/** The notice filled again with its corrected dates: the agency's wording, or the platform's when that cannot be filled. */
async function refill(deps: AppDeps, rec: ApplicationRecord, l: letters.LetterRecord, values: PlaceholderValues) {
  try {
    return await composeAgencyLetter(deps.db, rec.agencyId, l.templateKey, { values, date: l.date });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return composeAgencyLetter(deps.db, rec.agencyId, l.templateKey, { values, date: l.date }, 'default');
  }
}
