/**
 * An application's documents: the notices its steps issued (modules/applications/documents/notices.ts) and its
 * reply letters, with their state in release control, their renditions (DOCX and PDF through
 * the document module, made on first download or sending and kept) and their delivery through
 * the outbox — by e-mail, or recorded as posted or handed over (docs/letters.md). The applicant
 * sees only what is addressed to them and has left the office (modules/applications/public/public.service.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { thirdPartyBlocker, thirdPartyNoticesMissing } from '../../../domain/applications/third-party.ts';
import { ValidationError, DomainError } from '../../../domain/errors.ts';
import { addressedToApplicant, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../domain/letters/index.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize, can, canSeeAgency } from '../../../policies/can.ts';
import { findById as findAgency } from '../../agencies/agencies.repository.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { documentFileName, renderDocument, type DocumentFormat } from '../../documents/index.ts';
import {
  enqueueMessage,
  listMessages,
  type Attachment,
  type OutboxChannel,
  type OutboxMessage,
} from '../../outbox/outbox.service.ts';
import { applicantEmail } from '../../privacy/email-sealing.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as letters from './documents.repository.ts';
import * as events from '../applications.events.repository.ts';
import { currentLetter, currentLetters, type CurrentLetter } from './provisional.ts';
import * as repo from '../applications.repository.ts';

/** Where a document stands in release control. */
export type DocumentState = 'issued' | 'awaitingReview' | 'awaitingSignOff' | 'signed' | 'released';

export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  issued: '已出具',
  awaitingReview: '待保密审查',
  awaitingSignOff: '待负责人签发',
  signed: '已签发',
  released: '已答复送达',
};

/** The outbox's `related` type of a document's messages (its id is the document's). */
export const DOCUMENT_RELATED_TYPE = 'application_document';

/** One document as the console lists it. */
export interface ApplicationDocument {
  id: string;
  /** A notice issued by a step (DOCX and PDF), or a reply letter file (generated or uploaded). */
  source: 'letter' | 'file';
  kind: DocumentKind;
  kindLabel: string;
  title: string;
  addressee: 'applicant' | 'party';
  recipientName: string;
  date: string;
  state: DocumentState;
  stateLabel: string;
  /** Renditions a letter can be downloaded as; a file is downloaded as it is (`fileId`). */
  formats: DocumentFormat[];
  fileId: string | null;
  /** Why it cannot be sent now (release control, a provisional date), or null. */
  sendBlocker: string | null;
  /**
   * 暂定: its dates depend on calendar years not loaded (`missingYears`); it may be sent — each such
   * date states 「（暂定，以国务院办公厅公布的节假日安排为准）」 — and is settled when the year is imported.
   */
  provisional: boolean;
  missingYears: number[];
  /** Made void (a lapse reversed by a fact entered late): kept in the file, never sent again. */
  voided: boolean;
  deliveries: OutboxMessage[];
}

const RELEASE_BLOCKER = '答复书须经保密审查和负责人签发后才能送达（第十七条）';

function replyState(rec: repo.ApplicationRecord, f: events.FileRecord): DocumentState {
  if (f.sent) return 'released';
  if (!f.reviewed || rec.decisionStatus === 'draft' || rec.decisionStatus === 'returned' || rec.decisionStatus === null)
    return 'awaitingReview';
  return rec.decisionStatus === 'reviewed' ? 'awaitingSignOff' : 'signed';
}

/**
 * The release-control check of the reply step, for sending one reply letter: reviewed, signed
 * off, nothing unreviewed beside it, and — for a decision to disclose over a third party's
 * objection — that party told in writing first (第三十二条).
 */
function replyBlocker(
  rec: repo.ApplicationRecord,
  f: events.FileRecord,
  files: readonly events.FileRecord[],
  stored: readonly events.EventRecord[],
): string | null {
  if (rec.decisionStatus !== 'signed' && rec.decisionStatus !== 'sent') return RELEASE_BLOCKER;
  if (!f.reviewed || files.some((x) => (x.role === 'released' || x.role === 'reply_letter') && !x.reviewed))
    return '有提供文件或答复书上传于保密审查之后，须重新审查后才能送达';
  if (rec.decisionStatus === 'signed') return thirdPartyBlocker(thirdPartyNoticesMissing(rec.decisionOutcome, stored));
  return null;
}

/** Every document of an application, oldest first, with its deliveries (for readers of the outbox). */
export async function listDocuments(
  deps: AppDeps,
  actor: Actor,
  rec: repo.ApplicationRecord,
  files: readonly events.FileRecord[],
  stored: readonly events.EventRecord[],
): Promise<ApplicationDocument[]> {
  const issued = await currentLetters(deps, rec, await letters.listLetters(deps.db, rec.id));
  const docs: Array<Omit<ApplicationDocument, 'deliveries'> & { at: string }> = [
    ...issued.map((l) => ({
      id: l.id,
      source: 'letter' as const,
      kind: l.kind,
      kindLabel: DOCUMENT_KIND_LABELS[l.kind],
      title: l.title,
      addressee: l.addressee,
      recipientName: l.recipientName,
      date: l.date,
      state: 'issued' as const,
      stateLabel: DOCUMENT_STATE_LABELS.issued,
      formats: ['pdf', 'docx'] as DocumentFormat[],
      fileId: null,
      sendBlocker: l.voidedAt ? `已作废，不再送达：${l.voidReason ?? ''}` : null,
      voided: l.voidedAt !== null,
      provisional: l.missingYears.length > 0,
      missingYears: l.missingYears,
      at: l.createdAt,
    })),
    ...files
      .filter((f) => f.role === 'reply_letter')
      .map((f) => {
        const state = replyState(rec, f);
        return {
          id: f.id,
          source: 'file' as const,
          kind: 'reply_letter' as const,
          kindLabel: DOCUMENT_KIND_LABELS.reply_letter,
          title: f.filename,
          addressee: 'applicant' as const,
          recipientName: rec.applicantName,
          date: shanghaiDate(new Date(f.createdAt)),
          state,
          stateLabel: DOCUMENT_STATE_LABELS[state],
          formats: [],
          fileId: f.id,
          sendBlocker: replyBlocker(rec, f, files, stored),
          provisional: false,
          missingYears: [],
          voided: false,
          at: f.createdAt,
        };
      }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const readsOutbox = can(actor, 'outbox.read', { agencyId: rec.agencyId });
  return Promise.all(
    docs.map(async ({ at: _at, ...d }) => ({
      ...d,
      deliveries: readsOutbox
        ? (await listMessages(deps.db, actor, { agencyId: rec.agencyId, relatedId: d.id, limit: 20 })).items.filter(
            (m) => m.relatedType === DOCUMENT_RELATED_TYPE,
          )
        : [],
    })),
  );
}

/** A rendition's file name: the title, and the application's number or (for a consulted party) the party. */
export function fileNameOf(letter: letters.LetterRecord, rec: repo.ApplicationRecord, format: DocumentFormat): string {
  // A letter to a consulted party carries no reference to the application beyond its subject.
  return letter.addressee === 'applicant'
    ? documentFileName(`${letter.title}（${rec.trackingNumber}）`, format)
    : documentFileName(`${letter.title}（${letter.recipientName}）`, format);
}

/**
 * A letter's DOCX or PDF: the stored rendition, or rendered now from the document as issued and
 * kept (role `notice`), so every later download and mail carries the same bytes. Two first
 * requests at once both render; only one rendition is linked (a conditional update), the other
 * is dropped. A cache fill changes nothing anyone decided, so it writes no audit event.
 * A provisional letter (暂定) states its provisional dates as such; it is rendered each time and
 * never kept, because its dates are settled when the year is imported
 * (modules/applications/documents/provisional.ts).
 */
export async function rendition(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  letter: CurrentLetter,
  format: DocumentFormat,
): Promise<{ file: events.FileRecord; content: Buffer }> {
  if (letter.missingYears.length > 0) return provisionalRendition(deps, rec, letter, format);
  const linked = format === 'pdf' ? letter.pdfFileId : letter.docxFileId;
  const existing = linked ? await events.getFileContent(deps.db, linked) : null;
  if (existing) return existing;
  const rendered = await renderDocument(letter.content, format);
  const file: events.FileRecord = {
    id: randomUUID(),
    applicationId: rec.id,
    role: 'notice',
    filename: fileNameOf(letter, rec, format),
    mime: rendered.contentType,
    size: rendered.data.length,
    sha256: createHash('sha256').update(rendered.data).digest('hex'),
    reviewed: false,
    sent: letter.addressee === 'applicant',
    createdBy: '系统（生成文书）',
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.db.transaction().execute(async (tx) => {
    await events.insertFile(tx, file, rendered.data);
    if (!(await letters.linkRendition(tx, letter.id, format, file.id))) await letters.deleteFile(tx, file.id);
  });
  const now = (await letters.findLetter(deps.db, letter.id))!;
  return (await events.getFileContent(deps.db, (format === 'pdf' ? now.pdfFileId : now.docxFileId)!))!;
}

async function provisionalRendition(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  letter: CurrentLetter,
  format: DocumentFormat,
): Promise<{ file: events.FileRecord; content: Buffer }> {
  const rendered = await renderDocument(letter.content, format);
  const file: events.FileRecord = {
    id: randomUUID(),
    applicationId: rec.id,
    role: 'notice',
    filename: fileNameOf(letter, rec, format),
    mime: rendered.contentType,
    size: rendered.data.length,
    sha256: createHash('sha256').update(rendered.data).digest('hex'),
    reviewed: false,
    sent: false,
    createdBy: '系统（生成文书）',
    createdAt: deps.clock.now().toISOString(),
  };
  return { file, content: rendered.data };
}

async function visible(deps: AppDeps, actor: Actor, id: string): Promise<repo.ApplicationRecord> {
  const rec = await repo.findById(deps.db, id);
  if (!rec || !canSeeAgency(actor, rec.agencyId)) throw new DomainError('NOT_FOUND', '申请不存在');
  authorize(actor, 'applications.read', { agencyId: rec.agencyId });
  return rec;
}

/** A notice of the application for staff download, in the format asked. */
export async function readLetter(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  letterId: string,
  format: DocumentFormat,
) {
  const rec = await visible(deps, actor, applicationId);
  const letter = await letters.findLetter(deps.db, letterId);
  if (!letter || letter.applicationId !== rec.id) throw new DomainError('NOT_FOUND', '文书不存在');
  return rendition(deps, rec, await currentLetter(deps, rec, letter), format);
}

/** How staff send a document. */
export interface SendInput {
  channel: OutboxChannel;
  /** E-mail or postal address; for the applicant, default the e-mail or address they gave. */
  address?: string;
}

/**
 * Where a letter to a consulted party went before on this channel: the 决定公开告知书 (第三十二条)
 * goes to the party the consultation step recorded, so by default to where its 征求意见书 was sent.
 */
async function consultedAddress(
  deps: AppDeps,
  actor: Actor,
  rec: repo.ApplicationRecord,
  letter: letters.LetterRecord | null,
  channel: OutboxChannel,
): Promise<string> {
  if (
    !letter ||
    letter.addressee !== 'party' ||
    !letter.consultationId ||
    !can(actor, 'outbox.read', { agencyId: rec.agencyId })
  )
    return '';
  const consultation = (await letters.listLetters(deps.db, rec.id)).find(
    (l) => l.kind === 'consultation_letter' && l.consultationId === letter.consultationId && l.id !== letter.id,
  );
  if (!consultation) return '';
  const sent = (
    await listMessages(deps.db, actor, { agencyId: rec.agencyId, relatedId: consultation.id, limit: 20 })
  ).items.filter((m) => m.relatedType === DOCUMENT_RELATED_TYPE && m.channel === channel);
  return sent[0]?.recipientAddress ?? '';
}

function recipientAddress(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  toApplicant: boolean,
  input: SendInput,
  previous = '',
): string {
  const given = (input.address ?? '').trim();
  if (given || input.channel === 'in_person') return given;
  if (previous) return previous;
  if (!toApplicant)
    throw new ValidationError({ address: input.channel === 'email' ? '请填写对方的电子邮箱' : '请填写对方的邮寄地址' });
  if (input.channel === 'email') {
    const email = applicantEmail(deps.cipher, rec);
    if (!email) throw new ValidationError({ address: '申请人没有留电子邮箱，请填写收件邮箱，或改为邮寄、当面送达' });
    return email;
  }
  const address = deps.cipher.decrypt(rec.addressEnc).trim();
  if (!address) throw new ValidationError({ address: '申请人没有留通信地址，请填写邮寄地址' });
  return rec.postcode ? `${address}（邮编${rec.postcode}）` : address;
}

/**
 * Puts a document into the outbox for the applicant or the consulted party: the PDF (a reply
 * letter with the released files that go with it), e-mailed by the delivery sweep or waiting
 * for staff to record the posting or hand-over. A reply letter goes only once it passed 保密审查
 * and was signed off (release control).
 */
export async function sendDocument(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  documentId: string,
  input: SendInput,
): Promise<OutboxMessage> {
  const rec = await visible(deps, actor, applicationId);
  authorize(actor, 'outbox.send', { agencyId: rec.agencyId });
  const found = await letters.findLetter(deps.db, documentId);
  const letter = found && found.applicationId === rec.id ? await currentLetter(deps, rec, found) : null;
  let title: string;
  let toApplicant: boolean;
  let attachments: Attachment[];
  if (letter) {
    if (letter.voidedAt)
      throw new DomainError('STEP_NOT_ALLOWED', `该文书已作废，不再送达：${letter.voidReason ?? ''}`);
    const pdf = await rendition(deps, rec, letter, 'pdf');
    title = letter.title;
    toApplicant = letter.addressee === 'applicant';
    attachments = [{ fileName: pdf.file.filename, contentType: pdf.file.mime, data: pdf.content }];
  } else {
    const files = await events.listFiles(deps.db, rec.id);
    const reply = files.find((f) => f.id === documentId && f.role === 'reply_letter');
    if (!reply) throw new DomainError('NOT_FOUND', '文书不存在');
    const blocker = replyBlocker(rec, reply, files, await events.listEvents(deps.db, rec.id));
    if (blocker) throw new DomainError('STEP_NOT_ALLOWED', blocker);
    title = '政府信息公开申请答复书';
    toApplicant = true;
    // Only the released (redacted, reviewed) versions ever leave; originals never do.
    const going = [reply, ...files.filter((f) => f.role === 'released' && f.reviewed)];
    attachments = await Promise.all(
      going.map(async (f) => ({
        fileName: f.filename,
        contentType: f.mime,
        data: (await events.getFileContent(deps.db, f.id))!.content,
      })),
    );
  }
  const address = recipientAddress(
    deps,
    rec,
    toApplicant,
    input,
    await consultedAddress(deps, actor, rec, letter, input.channel),
  );
  const name = toApplicant ? rec.applicantName : letter!.recipientName;
  const agencyName = (await findAgency(deps.db, rec.agencyId))?.name ?? '本机关';
  const subject = toApplicant ? `${title}（${rec.trackingNumber}）` : title;
  const bodyText = toApplicant
    ? `${name}：\n\n${agencyName}就您的政府信息公开申请（${rec.trackingNumber}）向您送达《${title}》，见附件。\n您也可以凭申请编号和查询码在本机关政府信息公开网站的“查询进度”页面查看办理情况和文书。`
    : `${name}：\n\n${agencyName}向你方送达《${title}》，见附件。${letter?.kind === 'consultation_letter' ? '请按文书所述期限书面提出意见。' : ''}`;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const message = await enqueueMessage(
        tx,
        actor,
        {
          agencyId: rec.agencyId,
          channel: input.channel,
          recipientName: name,
          recipientAddress: address,
          subject,
          bodyText,
          related: { type: DOCUMENT_RELATED_TYPE, id: documentId },
          attachments,
        },
        deps.clock,
      );
      await recordAudit(
        tx,
        actor,
        {
          agencyId: rec.agencyId,
          action: 'application.document_send',
          subjectType: 'application',
          subjectId: rec.id,
          summary: `${rec.trackingNumber}：${{ email: '电子邮件发送', post: '邮寄', in_person: '当面送达', sms: '短信' }[input.channel]}《${title}》给${name}`,
          after: { documentId, messageId: message.id, channel: input.channel },
        },
        deps.clock,
      );
      return message;
    });
  } catch (err) {
    // The outbox names its field recipientAddress; the form here calls it address.
    if (err instanceof ValidationError && err.fields.recipientAddress) {
      const { recipientAddress: msg, ...rest } = err.fields;
      throw new ValidationError({ ...rest, address: msg! });
    }
    throw err;
  }
}

/**
 * The notices the applicant may download: those addressed to them (never a consultation letter
 * or a 决定公开告知书 to a third party); a provisional one states its dates as 暂定.
 */
export async function applicantLetters(deps: AppDeps, rec: repo.ApplicationRecord): Promise<CurrentLetter[]> {
  const mine = (await letters.listLetters(deps.db, rec.id)).filter(
    (l) => l.addressee === 'applicant' && addressedToApplicant(l.kind),
  );
  return currentLetters(deps, rec, mine);
}
