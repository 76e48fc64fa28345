/**
 * Intake: the online form (anonymous) and staff registration of every channel (第二十九条,
 * 第三十一条), including 当场答复 (第三十三条第一款). One transaction creates the application,
 * its first events, its attachments and the audit event.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  canAnswerOnSpot,
  clockChannel,
  receivedOnArrival,
  REQUEST_KINDS,
  type IntakeChannel,
  type RequestKind,
} from '../../../domain/applications/kinds.ts';
import { checkDecision, OUTCOME_LABELS } from '../../../domain/applications/decision.ts';
import {
  DEFAULT_TRACKING_PATTERN,
  formatTrackingNumber,
  queryCodeFromBytes,
} from '../../../domain/applications/tracking.ts';
import { validateApplicationFields, type ApplicationFields } from '../../../domain/applications/validate.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize } from '../../../policies/can.ts';
import { findById as findAgency } from '../../agencies/agencies.repository.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { calendarFor } from '../applications.calendar.ts';
import { maskAddress, maskIdentity, maskPhone } from '../../privacy/personal-data.ts';
import { clockOf, derivedColumns } from '../applications.clock.ts';
import { queryCodeForToken, queryCodeHash, type AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import { detectUpload, type Upload } from './files.ts';
import { sealEmail } from '../../privacy/email-sealing.ts';
import * as repo from '../applications.repository.ts';
import { notifyApplicant } from '../notify/notify.service.ts';

/** A staff registration or an online submission. */
export interface IntakeInput extends ApplicationFields {
  agencyId: string;
  kind?: RequestKind;
  channel: IntakeChannel;
  /** Arrival date (YYYY-MM-DD); online submissions use today. */
  arrivalDate?: string;
  /** For 平常信函 / e-mail / fax: the date both sides confirmed, if already confirmed at registration. */
  confirmedDate?: string;
  /** 当场答复: the outcome, basis and reasons of the answer given on the spot. */
  answeredOnSpot?: { outcome: string; legalBasis: string; reasons: string } | null;
  /** One form submission = one application. */
  idempotencyKey?: string;
  attachments?: Upload[];
}

export interface IntakeResult {
  application: repo.ApplicationRecord;
  /** Shown once, on the receipt. */
  queryCode: string;
  /** True when this was a repeated submission of the same form. */
  duplicate: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDates(input: IntakeInput, today: string): { arrival: string; confirmed: string | null } {
  const arrival = input.arrivalDate ?? today;
  const errors: Record<string, string> = {};
  if (!DATE.test(arrival) || arrival > today) errors.arrivalDate = '收到日期应为今天或以前的日期';
  const confirmed = input.confirmedDate ?? null;
  if (confirmed !== null && (!DATE.test(confirmed) || confirmed < arrival || confirmed > today))
    errors.confirmedDate = '确认日期应在收到日期和今天之间';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { arrival, confirmed };
}

/** Registers an application. `actor` null = the public online form. */
export async function createApplication(deps: AppDeps, actor: Actor | null, input: IntakeInput): Promise<IntakeResult> {
  const { db, clock, cipher } = deps;
  if (actor) authorize(actor, 'applications.register', { agencyId: input.agencyId });
  else if (input.channel !== 'online') throw new DomainError('FORBIDDEN', '网上只能提交网上申请');
  const kind = input.kind ?? 'disclosure';
  if (!(REQUEST_KINDS as readonly string[]).includes(kind)) throw new ValidationError({ kind: '申请类型无效' });
  const fields = validateApplicationFields(input);
  const today = shanghaiDate(clock.now());
  const { arrival, confirmed } = checkDates(input, today);
  if (input.answeredOnSpot && !canAnswerOnSpot(input.channel))
    throw new ValidationError({ answeredOnSpot: '只有当面或口头提出的申请才能当场答复' });
  const onSpotOutcome = input.answeredOnSpot
    ? checkDecision(input.answeredOnSpot, { correctionReceived: false, reasonsAsked: false, consulted: false })
    : null;
  const uploads = await Promise.all((input.attachments ?? []).map((u) => detectUpload(u, 'attachments')));

  if (input.idempotencyKey) {
    const existing = await repo.findByIdempotencyKey(db, input.idempotencyKey);
    if (existing)
      return {
        application: existing,
        queryCode: queryCodeForToken(deps.secret, input.idempotencyKey),
        duplicate: true,
      };
  }
  const agency = await findAgency(db, input.agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const calendar = await calendarFor(db);
  const queryCode = input.idempotencyKey
    ? queryCodeForToken(deps.secret, input.idempotencyKey)
    : queryCodeFromBytes(randomBytes(16)) || queryCodeForToken(deps.secret, randomUUID());
  const actorName = actor?.name ?? '申请人（网上提交）';
  const at = clock.now().toISOString();
  const year = Number(arrival.slice(0, 4));

  try {
    return await db.transaction().execute(async (tx) => {
      const seq = await repo.nextSeq(tx, agency.id, year);
      const pattern = (await repo.findTrackingPattern(tx, agency.id)) ?? DEFAULT_TRACKING_PATTERN;
      const id = randomUUID();
      const stored: Array<Omit<events.EventRecord, 'seq'>> = [];
      const push = (type: string, date: string, payload: Record<string, unknown>, summary: string) =>
        stored.push({ type, date, payload, public: true, summary, actorName, at });
      push(
        'arrived',
        arrival,
        { channel: clockChannel(input.channel) },
        input.channel === 'online' ? '网上提交申请' : '收到申请',
      );
      if (receivedOnArrival(input.channel)) push('received', arrival, {}, '收到申请（第三十一条）');
      else if (confirmed) push('received', confirmed, {}, '确认收到申请（第三十一条）');
      if (onSpotOutcome && input.answeredOnSpot) {
        push('answeredOnSpot', arrival, { outcome: onSpotOutcome }, `当场答复：${OUTCOME_LABELS[onSpotOutcome]}`);
      }
      const clockResult = clockOf(
        stored.map((e, i) => ({ ...e, seq: i + 1 })),
        today,
        calendar,
      );
      const rec: repo.ApplicationRecord = {
        id,
        agencyId: agency.id,
        kind,
        trackingNumber: formatTrackingNumber(pattern, year, seq),
        year,
        seq,
        queryCodeHash: queryCodeHash(deps.secret, queryCode),
        channel: input.channel,
        oral: input.channel === 'oral',
        arrivalDate: arrival,
        recordsOutcome: null,
        applicantKind: fields.applicantKind,
        applicantName: fields.applicantName,
        contactPerson: fields.contactPerson,
        idDocType: fields.idDocType,
        idNumberEnc: cipher.encrypt(fields.idNumber),
        idNumberHash: cipher.keyedHash(fields.idNumber),
        idNumberMasked: maskIdentity(fields.idNumber),
        phoneEnc: cipher.encrypt(fields.phone),
        phoneMasked: maskPhone(fields.phone),
        ...sealEmail(cipher, fields.email),
        addressEnc: cipher.encrypt(fields.address),
        addressMasked: maskAddress(fields.address),
        postcode: fields.postcode,
        infoTitle: fields.infoTitle,
        infoDocNumber: fields.infoDocNumber,
        infoDescription: fields.infoDescription,
        deliveryForm: fields.deliveryForm,
        deliveryMethod: fields.deliveryMethod,
        handlerId: null,
        idempotencyKey: input.idempotencyKey ?? null,
        extensionRequestedDays: null,
        extensionReason: null,
        reasonsAsked: false,
        feeBasis: null,
        feeAmount: null,
        decisionOutcome: onSpotOutcome,
        decisionBasis: input.answeredOnSpot?.legalBasis ?? null,
        decisionReasons: input.answeredOnSpot?.reasons ?? null,
        responsibleAgency: null,
        decisionStatus: onSpotOutcome ? 'sent' : null,
        decidedBy: onSpotOutcome ? actorName : null,
        reviewedBy: null,
        reviewedAt: null,
        signedBy: null,
        signedAt: null,
        archivedAt: null,
        createdAt: at,
        updatedAt: at,
        ...derivedColumns(
          clockResult,
          stored.map((e, i) => ({ ...e, seq: i + 1 })),
        ),
      };
      await repo.insertApplication(tx, rec);
      for (const e of stored) await events.insertEvent(tx, id, e);
      // The applicant is told it arrived (and, once received, by when they will be answered).
      if (!onSpotOutcome) await notifyApplicant(tx, deps, rec, 'received', { replyDue: clockResult.replyDue });
      for (const u of uploads) {
        await events.insertFile(
          tx,
          {
            id: randomUUID(),
            applicationId: id,
            role: 'attachment',
            filename: u.filename,
            mime: u.mime,
            size: u.content.length,
            sha256: u.sha256,
            reviewed: false,
            sent: false,
            createdBy: actorName,
            createdAt: at,
          },
          u.content,
        );
      }
      await recordAudit(
        tx,
        actor ?? {
          kind: 'system',
          id: null,
          name: actorName,
          agencyId: agency.id,
          roles: [],
          visibleAgencies: 'all',
          scopes: null,
          clientIp: null,
        },
        {
          agencyId: agency.id,
          action: 'application.create',
          subjectType: 'application',
          subjectId: id,
          summary: `登记政府信息公开申请 ${rec.trackingNumber}（${input.channel}）`,
          after: {
            trackingNumber: rec.trackingNumber,
            channel: input.channel,
            applicantKind: rec.applicantKind,
            applicant: rec.applicantName,
          },
        },
        clock,
      );
      return { application: rec, queryCode, duplicate: false };
    });
  } catch (err) {
    // Two submissions of the same form raced: the other one won; answer with it.
    if (input.idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(db, input.idempotencyKey);
      if (existing)
        return {
          application: existing,
          queryCode: queryCodeForToken(deps.secret, input.idempotencyKey),
          duplicate: true,
        };
    }
    throw err;
  }
}
