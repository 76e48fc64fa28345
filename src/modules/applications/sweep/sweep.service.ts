/**
 * The applications sweep, run periodically by one node at a time (src/modules/jobs: a database
 * lock per job name): for every open application it recomputes the clock, records the closures
 * the clock derives from lapses (第三十条 逾期不补正, 逾期未缴费: closed on the period's end + 1
 * calendar day, lifecycle.md) as an event with that date, stores the derived columns, and records
 * each reminder due — 3 working days before a deadline, and once it has passed — exactly once
 * (application_reminder has one row per application and reminder key), and in the same
 * transaction queues the reminder's e-mails to the handler and the office heads
 * (modules/applications/sweep/reminders.mail.ts). Each application is its own transaction, so a failure leaves the others
 * done and the next run finishes the rest.
 */
import { DEFAULT_PUBLIC_URL } from '../../../config/config.ts';
import type { Db } from '../../../db/database.ts';
import { remindersDue, DEADLINE_LABELS } from '../../../domain/applications/reminders.ts';
import { shanghaiDate, type Clock, formatChineseDate } from '../../../domain/time.ts';
import { systemActor } from '../../../policies/actor.ts';
import type { Job } from '../../jobs/scheduler.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { calendarFor } from '../applications.calendar.ts';
import { clockOf, derivedColumns } from '../applications.clock.ts';
import * as events from '../applications.events.repository.ts';
import { issueLapseNotice } from './lapse.ts';
import type { AppDeps } from '../applications.deps.ts';
import { noticeForEvent, notifyApplicant } from '../notify/notify.service.ts';
import * as repo from '../applications.repository.ts';
import { mailReminder } from './reminders.mail.ts';

export interface SweepResult {
  checked: number;
  lapsed: number;
  reminders: number;
  /** Reminder e-mails queued in the outbox. */
  mailsQueued: number;
  /** Recipients skipped: no e-mail address, or reminder e-mails turned off. */
  mailsSkipped: number;
}

export interface SweepOptions {
  /** The server's public address (config.publicUrl), for the console link in reminder e-mails. */
  publicUrl?: string;
  /**
   * To tell the applicant of a lapse notice by e-mail (and SMS where a gateway is configured),
   * as every other document issued to them is: the cipher opens their sealed contact data. Without
   * it (a sweep run from a tool) the notice is only issued.
   */
  applicant?: Pick<AppDeps, 'cipher' | 'smsEnabled'>;
  pageSize?: number;
}

const LAPSE_SUMMARY: Record<string, string> = {
  correctionLapsed: '补正期限届满申请人未补正，视为放弃申请，不再处理（第三十条）',
  feeLapsed: '逾期未缴纳信息处理费，视为放弃申请，不再处理',
};

/** One pass over the open applications. Idempotent: a second run on the same day changes nothing. */
export async function sweepApplications(db: Db, clock: Clock, options: SweepOptions = {}): Promise<SweepResult> {
  const { publicUrl = DEFAULT_PUBLIC_URL, pageSize = 500 } = options;
  const today = shanghaiDate(clock.now());
  const calendar = await calendarFor(db);
  const actor = systemActor('期限提醒');
  const result: SweepResult = { checked: 0, lapsed: 0, reminders: 0, mailsQueued: 0, mailsSkipped: 0 };
  for (let after = ''; ;) {
    const page = await repo.openAfter(db, after, pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const rec of page) {
      result.checked++;
      await db.transaction().execute(async (tx) => {
        const stored = await events.listEvents(tx, rec.id);
        const c = clockOf(stored, today, calendar);
        const at = clock.now().toISOString();
        if (c.closedBy === 'correctionLapsed' || c.closedBy === 'feeLapsed') {
          const lapsed = {
            type: 'lapsed',
            date: c.closed!,
            payload: { by: c.closedBy },
            public: true,
            summary: LAPSE_SUMMARY[c.closedBy]!,
            actorName: actor.name,
            at,
          };
          const seq = await events.insertEvent(tx, rec.id, lapsed);
          // The applicant is told in writing (视为放弃申请告知书, modules/applications/sweep/lapse.ts).
          await issueLapseNotice(tx, actor, rec, c, calendar, { ...lapsed, seq }, clock);
          // …and by mail, as the steps tell of the events that concern them (notify.service.ts).
          const notice = noticeForEvent(lapsed.type);
          if (notice && options.applicant)
            await notifyApplicant(tx, { ...options.applicant, publicUrl, clock }, rec, notice.kind, {
              documentKind: notice.documentKind,
            });
          await recordAudit(
            tx,
            actor,
            {
              agencyId: rec.agencyId,
              action: 'application.lapsed',
              subjectType: 'application',
              subjectId: rec.id,
              summary: `${rec.trackingNumber}：${LAPSE_SUMMARY[c.closedBy]}，${formatChineseDate(c.closed!)}办结`,
            },
            clock,
          );
          result.lapsed++;
        }
        const derived = derivedColumns(c, stored);
        const changed = Object.entries(derived).some(([k, v]) => (rec as unknown as Record<string, unknown>)[k] !== v);
        if (changed) await repo.updateApplication(tx, rec.id, { ...derived, updatedAt: at });
        for (const r of remindersDue(c, today, calendar)) {
          // Only the transaction that inserts the reminder row mails it: exactly once per reminder and recipient.
          if (!(await events.recordReminderOnce(tx, rec.id, r.key, at))) continue;
          result.reminders++;
          const mailed = await mailReminder(tx, actor, { application: rec, reminder: r, publicUrl }, clock);
          result.mailsQueued += mailed.queued;
          result.mailsSkipped += mailed.no_email + mailed.opted_out;
        }
      });
    }
  }
  return result;
}

/** The periodic job (every 15 minutes; the lock keeps it on one node). */
export function applicationsSweepJob(
  db: Db,
  clock: Clock,
  publicUrl: string = DEFAULT_PUBLIC_URL,
  applicant?: SweepOptions['applicant'],
): Job {
  return {
    name: 'applications-sweep',
    everyMs: 15 * 60_000,
    run: async () => void (await sweepApplications(db, clock, { publicUrl, applicant })),
  };
}

/** A reminder's text for the dashboard. */
export function reminderText(trackingNumber: string, key: string): string {
  const [kind, date, stage] = key.split(':') as [keyof typeof DEADLINE_LABELS, string, string];
  return `${trackingNumber}：${DEADLINE_LABELS[kind] ?? kind}${stage === 'passed' ? '已于' : '将于'}${formatChineseDate(date)}${stage === 'passed' ? '届满' : '届满（3个工作日内）'}`;
}
