/**
 * The applicant's side: the tracking page (tracking number + query code → state, public
 * timeline, due date with the applicant version of the explanation, the notices addressed to
 * them and the documents sent) and the
 * online correction (第三十条: correcting restarts the reply clock). Never internal notes, never
 * anyone else's data. A malformed number or code gets exactly the same answer as a wrong one.
 */
import { timingSafeEqual } from 'node:crypto';
import { OUTCOME_LABELS } from '../../../domain/applications/decision.ts';
import { RECORDS_OUTCOME_LABELS, type RecordsOutcome } from '../../../domain/applications/kinds.ts';
import {
  isWellFormedQueryCode,
  normalizeQueryCode,
  normalizeTrackingNumber,
} from '../../../domain/applications/tracking.ts';
import type { OutcomeKey } from '../../../domain/clock/outcomes.ts';
import type { ClockResult } from '../../../domain/clock/types.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/letters/index.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import { calendarFor } from '../applications.calendar.ts';
import { applicantActor, applyChange } from '../applications.apply.ts';
import { clockOf } from '../applications.clock.ts';
import { queryCodeHash, type AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import { applicantLetters, fileNameOf, rendition } from '../documents/documents.service.ts';
import { detectUpload, type Upload } from '../intake/files.ts';
import * as repo from '../applications.repository.ts';

/** What the applicant sees. */
export interface TrackingView {
  trackingNumber: string;
  kind: string;
  arrivalDate: string;
  receivedDate: string | null;
  state: ClockResult['state'];
  replyDue: string | null;
  /** 暂定: the reply due date was counted on a provisional calendar (lifecycle.md "Provisional years"). */
  replyDueProvisional: boolean;
  overdue: boolean;
  closedDate: string | null;
  outcomeLabel: string | null;
  explanation: string;
  timeline: Array<{ date: string; summary: string }>;
  correction: { requested: string; items: string; periodEnd: string | null; periodEndProvisional: boolean } | null;
  /**
   * The last 收费通知: when it was issued, how it was sent, when the applicant received it (null:
   * posted, signing date not yet recorded) and the payment due date that runs from the next day.
   */
  fee: {
    noticeDate: string;
    delivery: string | null;
    receivedDate: string | null;
    paymentDue: string | null;
    paymentDueProvisional: boolean;
    paidDate: string | null;
    amount: number | null;
  } | null;
  /**
   * What the applicant may download: the notices addressed to them (PDF) as soon as they are
   * issued, and the reply letter and released files once the reply has left. Never a
   * consultation letter, an original or anything unreviewed.
   */
  files: Array<{ id: string; filename: string; role: string; label: string; date: string; size: number | null }>;
}

/** The one answer for a malformed or wrong tracking number or code. */
export const NOT_FOUND_MESSAGE = '申请编号或查询码不正确，请核对后重试';

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Finds the application for a tracking number and query code, or throws the same NOT_FOUND for every failure. */
export async function findForApplicant(
  deps: AppDeps,
  agencyId: string,
  trackingNumber: string,
  queryCode: string,
): Promise<repo.ApplicationRecord> {
  const code = normalizeQueryCode(queryCode);
  const expected = queryCodeHash(deps.secret, code);
  const rec = await repo.findByTracking(deps.db, agencyId, normalizeTrackingNumber(trackingNumber));
  // Compare even when nothing was found, so a wrong number and a wrong code take the same path.
  const ok = sameHash(rec?.queryCodeHash ?? '0'.repeat(64), expected) && isWellFormedQueryCode(code);
  if (!rec || !ok) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return rec;
}

function outcomeLabel(rec: repo.ApplicationRecord): string | null {
  if (rec.closedDate === null) return null;
  if (rec.kind === 'records_correction' && rec.recordsOutcome)
    return RECORDS_OUTCOME_LABELS[rec.recordsOutcome as RecordsOutcome];
  if (rec.closedBy === 'withdrawn') return '申请人已撤回申请';
  return rec.outcome ? OUTCOME_LABELS[rec.outcome as OutcomeKey] : null;
}

/** The tracking page's view model. */
export async function trackingView(deps: AppDeps, rec: repo.ApplicationRecord): Promise<TrackingView> {
  const today = shanghaiDate(deps.clock.now());
  const stored = await events.listEvents(deps.db, rec.id);
  const clock = clockOf(stored, today, await calendarFor(deps.db));
  const files = (await events.listFiles(deps.db, rec.id)).filter(
    (f) => f.sent && (f.role === 'released' || f.role === 'reply_letter'),
  );
  const notices = await applicantLetters(deps, rec);
  const asked = [...stored].reverse().find((e) => e.type === 'correctionRequested');
  return {
    trackingNumber: rec.trackingNumber,
    kind: rec.kind,
    arrivalDate: rec.arrivalDate,
    receivedDate: clock.receivedDate,
    state: clock.state,
    replyDue: clock.replyDue,
    replyDueProvisional: clock.replyDueProvisional,
    overdue: clock.overdue,
    closedDate: clock.closed,
    outcomeLabel: outcomeLabel({ ...rec, closedDate: clock.closed, closedBy: clock.closedBy, outcome: clock.outcome }),
    explanation: clock.explanation.applicant,
    timeline: stored.filter((e) => e.public).map((e) => ({ date: e.date, summary: e.summary })),
    correction:
      asked && clock.state === 'awaitingCorrection'
        ? {
            requested: asked.date,
            items: String(asked.payload.items ?? ''),
            periodEnd: clock.correctionPeriodEnd,
            periodEndProvisional: clock.correctionPeriodEndProvisional,
          }
        : null,
    fee:
      clock.feeNoticeDate === null
        ? null
        : {
            noticeDate: clock.feeNoticeDate,
            delivery: clock.feeNoticeDelivery,
            receivedDate: clock.feeNoticeReceivedDate,
            paymentDue: clock.paymentDue,
            paymentDueProvisional: clock.paymentDueProvisional,
            paidDate: clock.feePaidDate,
            amount: rec.feeAmount,
          },
    files: [
      ...notices.map((l) => ({
        id: l.id,
        filename: fileNameOf(l, rec, 'pdf'),
        role: l.kind,
        label: `${DOCUMENT_KIND_LABELS[l.kind]}${l.voidedAt ? '（已作废）' : ''}`,
        date: l.date,
        size: null,
      })),
      ...files.map((f) => ({
        id: f.id,
        filename: f.filename,
        role: f.role,
        label: f.role === 'reply_letter' ? DOCUMENT_KIND_LABELS.reply_letter : '提供的信息',
        date: shanghaiDate(new Date(f.createdAt)),
        size: f.size,
      })),
    ],
  };
}

/**
 * A file the applicant may download: a notice addressed to them (its PDF), or a released
 * version or reply letter that was sent. Anything else — a consultation letter, another
 * application's file, an original — is the same NOT_FOUND.
 */
export async function applicantFile(deps: AppDeps, rec: repo.ApplicationRecord, fileId: string) {
  const notice = (await applicantLetters(deps, rec)).find((l) => l.id === fileId);
  if (notice) return rendition(deps, rec, notice, 'pdf');
  const found = await events.getFileContent(deps.db, fileId);
  if (
    !found ||
    found.file.applicationId !== rec.id ||
    !found.file.sent ||
    !['released', 'reply_letter'].includes(found.file.role)
  ) {
    throw new DomainError('NOT_FOUND', '文件不存在');
  }
  return found;
}

/** 第三十条: the applicant corrects online; the reply period restarts from today. */
export async function correctOnline(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  text: string,
  uploads: Upload[],
  clientIp: string | null,
): Promise<void> {
  const today = shanghaiDate(deps.clock.now());
  const stored = await events.listEvents(deps.db, rec.id);
  const calendar = await calendarFor(deps.db);
  const clock = clockOf(stored, today, calendar);
  if (clock.state !== 'awaitingCorrection') throw new DomainError('STEP_NOT_ALLOWED', '本申请当前不需要补正');
  const body = text.trim();
  if (body.length < 2) throw new ValidationError({ correction: '请填写补正后的申请内容' });
  if ([...body].length > 4000)
    throw new ValidationError({ correction: `不超过4000个字（现有${[...body].length}个字，请删减后再提交）` });
  const checked = await Promise.all(uploads.map((u) => detectUpload(u, 'correctionFiles')));
  const actor = applicantActor(rec.agencyId, clientIp);
  await applyChange(deps, actor, rec, calendar, {
    events: [
      {
        type: 'correctionReceived',
        date: today,
        payload: { text: body, by: 'applicant' },
        public: true,
        summary: '申请人网上提交补正，答复期限自收到补正之日起重新计算（第三十条）',
      },
    ],
    action: 'application.correct_online',
    summary: '申请人网上补正',
    after: { text: body },
  });
  const at = deps.clock.now().toISOString();
  for (const u of checked) {
    await events.insertFile(
      deps.db,
      {
        id: crypto.randomUUID(),
        applicationId: rec.id,
        role: 'attachment',
        filename: u.filename,
        mime: u.mime,
        size: u.content.length,
        sha256: u.sha256,
        reviewed: false,
        sent: false,
        createdBy: actor.name,
        createdAt: at,
      },
      u.content,
    );
  }
}
