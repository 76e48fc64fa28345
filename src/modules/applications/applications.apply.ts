/**
 * The one way an application changes: append events, recompute the clock from all of them with
 * `computeClock`, store the derived columns with any other change, and write the audit event —
 * all in one transaction.
 */
import { thirdPartyNoticesMissing } from '../../domain/applications/third-party.ts';
import type { Situation } from '../../domain/applications/workflow.ts';
import { DEFAULT_CLOCK_SETTINGS, type ClockSettings } from '../../domain/clock/settings.ts';
import type { ClockResult } from '../../domain/clock/types.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import { shanghaiDate } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clockOf, derivedColumns } from './applications.clock.ts';
import type { AppDeps } from './applications.deps.ts';
import * as events from './applications.events.repository.ts';
import * as repo from './applications.repository.ts';
import { noticeForEvent, notifyApplicant } from './notify/notify.service.ts';

/** The actor of the public pages (the applicant on the tracking page). */
export function applicantActor(agencyId: string, clientIp: string | null = null): Actor {
  return {
    kind: 'system',
    id: null,
    name: '申请人（网上）',
    agencyId,
    roles: [],
    visibleAgencies: new Set([agencyId]),
    scopes: null,
    clientIp,
  };
}

/** The workflow guards' view of an application and its clock. */
export function situationOf(
  rec: repo.ApplicationRecord,
  stored: readonly events.EventRecord[],
  clock: ClockResult,
  today: string,
  settings: ClockSettings = DEFAULT_CLOCK_SETTINGS,
): Situation {
  return {
    clockState: clock.state,
    correctionRequested: clock.correctionRequestedDate !== null,
    openConsultations: clock.consultations.filter((c) => c.open).length,
    unansweredConsultations: clock.consultations.filter((c) => c.answeredDate === null).length,
    closedBy: clock.closedBy,
    extensionRequested: rec.extensionRequestedDays !== null,
    extensionDaysUsed: clock.extensionWorkingDays,
    maxExtensionDays: settings.maxExtensionWorkingDays,
    replyDue: clock.replyDue,
    today,
    reasonsAsked: rec.reasonsAsked,
    feeNoticed: stored.some((e) => e.type === 'feeNotice'),
    feeReceiptUnknown: clock.feeReceiptUnknown,
    decision: (rec.decisionStatus as Situation['decision']) ?? null,
    thirdPartyNoticesMissing:
      rec.kind === 'disclosure' ? thirdPartyNoticesMissing(rec.decisionOutcome, stored).map((p) => p.partyName) : [],
    archived: rec.archivedAt !== null,
  };
}

/** One event to append. */
export interface NewEvent {
  type: string;
  date: string;
  payload?: Record<string, unknown>;
  public: boolean;
  summary: string;
}

/** Appends events, recomputes the clock and stores everything with its audit event. */
export async function applyChange(
  deps: AppDeps,
  actor: Actor,
  rec: repo.ApplicationRecord,
  calendar: Calendar,
  change: {
    events: NewEvent[];
    patch?: Partial<repo.ApplicationRecord>;
    action: string;
    summary: string;
    after?: unknown;
    /** More writes in the same transaction, given the clock after the events and all events (the notices a step issues). */
    also?: (tx: DbOrTx, clock: ClockResult, stored: readonly events.EventRecord[]) => Promise<void>;
  },
): Promise<repo.ApplicationRecord> {
  const { db, clock } = deps;
  const at = clock.now().toISOString();
  const today = shanghaiDate(clock.now());
  return db.transaction().execute(async (tx) => {
    for (const e of change.events) {
      await events.insertEvent(tx, rec.id, {
        type: e.type,
        date: e.date,
        payload: e.payload ?? {},
        public: e.public,
        summary: e.summary,
        actorName: actor.name,
        at,
      });
    }
    const stored = await events.listEvents(tx, rec.id);
    const after = clockOf(stored, today, calendar);
    const derived = derivedColumns(after, stored);
    const patch = { ...change.patch, ...derived, updatedAt: at };
    await repo.updateApplication(tx, rec.id, patch);
    if (change.also) await change.also(tx, after, stored);
    // The applicant hears of the steps that concern them (one notice per kind per step).
    const notices = new Map(
      change.events.flatMap((e) => {
        const n = noticeForEvent(e.type);
        return n ? [[n.kind, n] as const] : [];
      }),
    );
    for (const n of notices.values())
      await notifyApplicant(tx, deps, { ...rec, ...patch }, n.kind, {
        replyDue: after.replyDue,
        correctionDue: after.correctionPeriodEnd,
        documentKind: n.documentKind,
      });
    await recordAudit(
      tx,
      actor,
      {
        agencyId: rec.agencyId,
        action: change.action,
        subjectType: 'application',
        subjectId: rec.id,
        summary: `${rec.trackingNumber}：${change.summary}`,
        after: change.after ?? change.patch,
      },
      clock,
    );
    return { ...rec, ...patch };
  });
}
