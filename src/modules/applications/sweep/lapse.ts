/**
 * The 视为放弃申请告知书 of a lapse. When the sweep records that an application lapsed — 逾期不补正
 * (第三十条「视为放弃申请，行政机关不再处理」) or 逾期未缴费 (国办函〔2020〕109号, regulation.md §9.2:
 * recalled, not confirmed; the payment period is the clock setting `feePaymentWorkingDays`) — the
 * applicant is told in writing. The sweep calls `issueLapseNotice` in the transaction that records
 * the 'lapsed' event, so the letter exists exactly when the lapse does; it is then an ordinary
 * notice of the application: listed in the console, rendered to DOCX/PDF, sent through the
 * outbox and shown on the tracking page.
 */
import type { DbOrTx } from '../../../db/database.ts';
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import type { ClockResult } from '../../../domain/clock/types.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/letters/index.ts';
import type { Clock } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { composeAgencyLetter } from '../../letters/letters.service.ts';
import type { EventRecord } from '../applications.events.repository.ts';
import { issueNotice, lapseNotice } from '../documents/notices.ts';
import type { ApplicationRecord } from '../applications.repository.ts';

/**
 * Issues the 视为放弃申请告知书 of the lapse the clock `lapsed` derived, dated the closure day.
 * An agency wording saved before the template's placeholders were narrowed may ask for a value
 * a lapse has no (e.g. {{不予公开理由}}); no person is there to fix it, so the platform's wording is
 * used and the audit event says so — the lapse is never held up by a letter.
 */
export async function issueLapseNotice(
  tx: DbOrTx,
  actor: Actor,
  rec: ApplicationRecord,
  lapsed: ClockResult,
  calendar: Calendar,
  step: EventRecord,
  clock: Clock,
): Promise<void> {
  if (lapsed.closedBy !== 'correctionLapsed' && lapsed.closedBy !== 'feeLapsed') return;
  const draft = lapseNotice(rec, lapsed.closed!, lapsed.closedBy);
  const used: { wording: 'agency' | 'default' } = { wording: 'agency' };
  const compose = async (values: Record<string, string | undefined>) => {
    try {
      return await composeAgencyLetter(tx, rec.agencyId, draft.templateKey, { values, date: draft.date });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      used.wording = 'default';
      return composeAgencyLetter(tx, rec.agencyId, draft.templateKey, { values, date: draft.date }, 'default');
    }
  };
  const letter = await issueNotice(tx, actor, rec, draft, { clock: lapsed, calendar, step, at: step.at, compose });
  await recordAudit(
    tx,
    actor,
    {
      agencyId: rec.agencyId,
      action: 'application.lapse_notice',
      subjectType: 'application',
      subjectId: rec.id,
      summary: `${rec.trackingNumber}：出具${DOCUMENT_KIND_LABELS.lapse_notice}（致${rec.applicantName}）${used.wording === 'default' ? '；本机关修改过的模板缺少所需内容，按平台默认措辞生成' : ''}`,
      after: { letterId: letter.id, templateKey: draft.templateKey, date: draft.date, wording: used.wording },
    },
    clock,
  );
}
