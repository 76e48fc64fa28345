/**
 * Provisional (暂定) notices and the import of a calendar year (lifecycle.md "Provisional years",
 * docs/letters.md). A notice whose dates depend on a calendar year not loaded was computed on that
 * year's provisional calendar (weekends and the statutory holidays off); it is stored with those
 * years, states each such date with 「（暂定，以国务院办公厅公布的节假日安排为准）」 and may be sent.
 *
 * When the year is imported, `recomputeAfterCalendarImport` runs in the import's transaction: it
 * recomputes the stored columns of every application the year can move (open ones and those whose
 * due date was provisional), settles every provisional notice — its dates computed again by the
 * engine from the events up to its step, as on the day it was issued, with the calendar now
 * loaded — and, for each applicant whose provisional date moved, issues a 期限调整告知书 naming the
 * dates before and after. Every change is audited. A notice still unsettled when read (a year
 * bundled by an upgrade rather than imported) is settled then, the same way.
 */
import type { DbOrTx } from '../../../db/database.ts';
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { DOCUMENT_KIND_LABELS, withoutProvisionalNote, type PlaceholderValues } from '../../../domain/letters/index.ts';
import { formatChineseDate, shanghaiDate, type Clock } from '../../../domain/time.ts';
import { systemActor, type Actor } from '../../../policies/actor.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { composeAgencyLetter } from '../../letters/letters.service.ts';
import { calendarFor } from '../applications.calendar.ts';
import { clockOf, derivedColumns } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as letters from './documents.repository.ts';
import * as events from '../applications.events.repository.ts';
import { dateChangeNotice, issueNotice, noticeDates, statedDates } from './notices.ts';
import * as repo from '../applications.repository.ts';

/** A notice as read now: `missingYears` are the years its dates are still provisional for. */
export type CurrentLetter = letters.LetterRecord & { missingYears: number[] };

/** A date a notice (or the tracking page) had told, and the settled one. */
export interface DateChange {
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

/** The notices, with those whose years are now loaded settled first. */
export async function currentLetters(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
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
    const list2 = stored;
    await deps.db
      .transaction()
      .execute((tx) => settleLetter(tx, systemActor('日历核定'), deps.clock, rec, l, list2, calendar));
    const settled = (await letters.findLetter(deps.db, l.id))!;
    out.push({ ...settled, missingYears: settled.provisionalYears.filter((y) => !calendar.hasYear(y)) });
  }
  return out;
}

/** One notice of the application as read now. */
export async function currentLetter(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  letter: letters.LetterRecord,
): Promise<CurrentLetter> {
  return (await currentLetters(deps, rec, [letter]))[0]!;
}

/**
 * Settles one provisional notice in `tx` with `calendar`: its dates as the engine computes them
 * now for the notice's own step and day, the content filled again when a date moved, audited.
 * Returns the dates that moved ([] when none, or when another request settled it first).
 */
export async function settleLetter(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  rec: repo.ApplicationRecord,
  l: letters.LetterRecord,
  stored: readonly events.EventRecord[],
  calendar: Calendar,
): Promise<DateChange[]> {
  // The clock after the notice's step, as computed that day, now with the loaded calendar.
  const after = clockOf(
    stored.filter((e) => e.seq <= l.eventSeq),
    shanghaiDate(new Date(l.createdAt)),
    calendar,
  );
  const dates = statedDates(
    noticeDates(
      l,
      after,
      stored.find((e) => e.seq === l.eventSeq),
    ),
    calendar,
  );
  const values = { ...l.values, ...dates.values } as Record<string, string>;
  const changed = Object.keys(dates.values).filter(
    (k) => withoutProvisionalNote(l.values[k] ?? '') !== withoutProvisionalNote(values[k] ?? ''),
  );
  const retold = Object.keys(dates.values).filter((k) => l.values[k] !== values[k]);
  const content = retold.length ? await refill(tx, rec, l, values) : l.content;
  const still = dates.provisionalYears;
  if (
    !(await letters.settleLetter(tx, l.id, l.provisionalYears, {
      title: content.title,
      content,
      values,
      provisionalYears: still,
    }))
  )
    return [];
  const loaded = l.provisionalYears.filter((y) => calendar.hasYear(y));
  const what = changed.length
    ? `，${changed.map((k) => `${k}由${withoutProvisionalNote(l.values[k] ?? '')}改为${withoutProvisionalNote(values[k] ?? '')}`).join('；')}`
    : '，日期不变';
  await recordAudit(
    tx,
    actor,
    {
      agencyId: rec.agencyId,
      action: 'application.notice_settled',
      subjectType: 'application',
      subjectId: rec.id,
      summary: `${rec.trackingNumber}：${DOCUMENT_KIND_LABELS[l.kind]}（致${l.recipientName}）的暂定日期按已导入的${loaded.join('、')}年节假日安排核定${what}`,
      before: { letterId: l.id, ...Object.fromEntries(changed.map((k) => [k, l.values[k]])) },
      after: { letterId: l.id, ...Object.fromEntries(changed.map((k) => [k, values[k]])) },
    },
    clock,
  );
  return changed.map((k) => ({
    what: k,
    before: withoutProvisionalNote(l.values[k] ?? ''),
    after: withoutProvisionalNote(values[k] ?? ''),
  }));
}

/** The notice filled again with its corrected dates: the agency's wording, or the platform's when that cannot be filled. */
async function refill(tx: DbOrTx, rec: repo.ApplicationRecord, l: letters.LetterRecord, values: PlaceholderValues) {
  try {
    return await composeAgencyLetter(tx, rec.agencyId, l.templateKey, { values, date: l.date });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return composeAgencyLetter(tx, rec.agencyId, l.templateKey, { values, date: l.date }, 'default');
  }
}

/** What the import changed for the applications (the API and the CLI report it). */
export interface RecomputeResult {
  /** Applications whose clock was recomputed. */
  recomputed: number;
  /** …of which a stored column changed (due date, state, provisional flag). */
  changed: number;
  /** Provisional notices settled. */
  noticesSettled: number;
  /** 期限调整告知书 issued to applicants whose provisional date moved. */
  followUps: number;
}

/**
 * After a calendar year is imported, in the import's transaction (lifecycle.md "Provisional
 * years"): every stored date recomputed, every provisional notice settled, and each applicant
 * whose provisional date moved told in a 期限调整告知书. `years` are the imported years.
 */
export async function recomputeAfterCalendarImport(
  tx: DbOrTx,
  clock: Clock,
  calendar: Calendar,
  years: readonly number[],
): Promise<RecomputeResult> {
  const actor = systemActor('日历核定');
  const today = shanghaiDate(clock.now());
  const at = clock.now().toISOString();
  const result: RecomputeResult = { recomputed: 0, changed: 0, noticesSettled: 0, followUps: 0 };
  const ids = new Set([...(await repo.idsToRecompute(tx)), ...(await letters.applicationsWithProvisionalLetters(tx))]);
  for (const id of [...ids].sort()) {
    const rec = (await repo.findById(tx, id))!;
    const stored = await events.listEvents(tx, id);
    const now = clockOf(stored, today, calendar);
    const derived = derivedColumns(now, stored);
    result.recomputed++;
    const changes: DateChange[] = [];
    if (Object.entries(derived).some(([k, v]) => (rec as unknown as Record<string, unknown>)[k] !== v)) {
      result.changed++;
      await repo.updateApplication(tx, id, { ...derived, updatedAt: at });
      // The tracking page showed the provisional reply due date to the applicant.
      if (
        rec.dueProvisional &&
        rec.replyDue &&
        derived.replyDue &&
        rec.replyDue !== derived.replyDue &&
        now.state !== 'closed'
      )
        changes.push({
          what: '答复期限',
          before: formatChineseDate(rec.replyDue),
          after: formatChineseDate(derived.replyDue),
        });
      await recordAudit(
        tx,
        actor,
        {
          agencyId: rec.agencyId,
          action: 'application.recomputed',
          subjectType: 'application',
          subjectId: id,
          summary: `${rec.trackingNumber}：按导入的${years.join('、')}年节假日安排重新计算期限${
            rec.replyDue !== derived.replyDue
              ? `，答复期限由${rec.replyDue ? formatChineseDate(rec.replyDue) : '未定'}改为${derived.replyDue ? formatChineseDate(derived.replyDue) : '未定'}`
              : ''
          }`,
          before: { replyDue: rec.replyDue, dueProvisional: rec.dueProvisional, state: rec.state },
          after: { replyDue: derived.replyDue, dueProvisional: derived.dueProvisional, state: derived.state },
        },
        clock,
      );
    }
    for (const l of await letters.listLetters(tx, id)) {
      if (l.provisionalYears.length === 0 || !l.provisionalYears.some((y) => calendar.hasYear(y))) continue;
      const moved = await settleLetter(tx, actor, clock, rec, l, stored, calendar);
      result.noticesSettled++;
      if (l.addressee === 'applicant')
        for (const c of moved) if (!changes.some((x) => x.what === c.what)) changes.push(c);
    }
    if (changes.length > 0 && now.state !== 'closed') {
      await followUp(tx, actor, clock, rec, calendar, years, changes, at, today);
      result.followUps++;
    }
  }
  return result;
}

/** The 期限调整告知书 and the public event it belongs to. */
async function followUp(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  rec: repo.ApplicationRecord,
  calendar: Calendar,
  years: readonly number[],
  changes: readonly DateChange[],
  at: string,
  today: string,
): Promise<void> {
  const summary = `按国务院办公厅公布的${years.map((y) => `${y}年`).join('、')}节假日安排核定暂定日期：${changes
    .map((c) => `${c.what}由${c.before}调整为${c.after}`)
    .join('；')}`;
  const event = {
    type: 'datesSettled',
    date: today,
    payload: { years, changes },
    public: true,
    summary,
    actorName: actor.name,
    at,
  };
  const seq = await events.insertEvent(tx, rec.id, event);
  const stored = await events.listEvents(tx, rec.id);
  const letter = await issueNotice(tx, actor, rec, dateChangeNotice(rec, today, years, changes), {
    clock: clockOf(stored, today, calendar),
    calendar,
    step: { ...event, seq },
    at,
  });
  await recordAudit(
    tx,
    actor,
    {
      agencyId: rec.agencyId,
      action: 'application.dates_settled',
      subjectType: 'application',
      subjectId: rec.id,
      summary: `${rec.trackingNumber}：${summary}，出具${DOCUMENT_KIND_LABELS.date_change_notice}（致${rec.applicantName}）`,
      after: { letterId: letter.id, changes },
    },
    clock,
  );
}
