/**
 * The 投诉、举报 register (第四十七条, 第五十一条): the supervising office registers a complaint
 * about a subordinate agency, records each handling step and the result. Only the supervisor
 * whose subtree holds that agency, and the agency itself, see it; only the supervisor changes
 * it. The complainant's contact is personal data: encrypted at rest, shown in full only to the
 * supervisor handling it, masked for the agency complained about.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can, canSeeAgency } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { maskEmail, maskPhone, type PersonalDataCipher } from '../privacy/personal-data.ts';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_RESULT_LABELS,
  validateComplaint,
  validateConclusion,
  validateStep,
  type ComplaintKind,
  type ComplaintResult,
  type ComplaintStatus,
} from '../../domain/complaints/rules.ts';
import * as repo from './complaints.repository.ts';

export type { ComplaintStep } from './complaints.repository.ts';

/** A complaint as its reader may see it. */
export interface Complaint extends Omit<repo.ComplaintRecord, 'contactSealed'> {
  /** Full for the supervisor who may handle it, masked for the agency complained about. */
  contact: string;
  contactMasked: boolean;
  agencyName: string;
  receivingAgencyName: string;
}

export interface ComplaintInput {
  agencyId: string;
  kind: ComplaintKind;
  complainant: string;
  contact?: string;
  receivedDate: string;
  subject: string;
  applicationId?: string | null;
}

function maskContact(contact: string): string {
  if (!contact) return '';
  return contact.indexOf('@') > 0 ? maskEmail(contact) : maskPhone(contact);
}

async function present(
  db: DbOrTx,
  actor: Actor,
  r: repo.ComplaintRecord,
  cipher: PersonalDataCipher,
): Promise<Complaint> {
  const { contactSealed, ...rest } = r;
  const full = can(actor, 'complaints.manage', { agencyId: r.agencyId });
  const contact = contactSealed ? cipher.decrypt(contactSealed) : '';
  const [agency, receiving] = await Promise.all([findAgency(db, r.agencyId), findAgency(db, r.receivingAgencyId)]);
  return {
    ...rest,
    contact: full ? contact : maskContact(contact),
    contactMasked: !full && contact !== '',
    agencyName: agency?.name ?? '',
    receivingAgencyName: receiving?.name ?? '',
  };
}

async function load(db: DbOrTx, actor: Actor, id: string): Promise<repo.ComplaintRecord> {
  authorize(actor, 'complaints.read');
  const found = await repo.findComplaint(db, id);
  // Outside the reader's reach it answers like a missing record.
  if (!found || !canSeeAgency(actor, found.agencyId)) throw new DomainError('NOT_FOUND', '投诉（举报）不存在');
  return found;
}

/** Registers a complaint received by the actor's office about an agency of its subtree. */
export async function registerComplaint(
  db: Db,
  actor: Actor,
  input: ComplaintInput,
  cipher: PersonalDataCipher,
  clock: Clock,
): Promise<Complaint> {
  authorize(actor, 'complaints.manage', { agencyId: input.agencyId });
  if (!actor.agencyId) throw new DomainError('FORBIDDEN', '只有主管部门的工作人员可以登记投诉、举报');
  const agency = await findAgency(db, input.agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '被投诉机构不存在');
  const fields = {
    kind: input.kind,
    complainant: input.complainant.trim(),
    contact: (input.contact ?? '').trim(),
    receivedDate: input.receivedDate.trim(),
    subject: input.subject.trim(),
    applicationId: input.applicationId?.trim() || null,
  };
  validateComplaint(fields, shanghaiDate(clock.now()));
  const created = await db.transaction().execute(async (tx) => {
    const record = await repo.insertComplaint(
      tx,
      {
        id: randomUUID(),
        agencyId: agency.id,
        receivingAgencyId: actor.agencyId!,
        kind: fields.kind,
        complainant: fields.complainant,
        contactSealed: fields.contact ? cipher.encrypt(fields.contact) : '',
        receivedDate: fields.receivedDate,
        subject: fields.subject,
        applicationId: fields.applicationId,
        status: 'received',
        result: null,
        resultNote: '',
        concludedDate: null,
      },
      clock.now().toISOString(),
    );
    // The audit trail never holds the contact in clear.
    await recordAudit(
      tx,
      actor,
      {
        agencyId: agency.id,
        action: 'complaint.register',
        subjectType: 'complaint',
        subjectId: record.id,
        summary: `登记对“${agency.name}”的${COMPLAINT_KIND_LABELS[fields.kind]}`,
        after: { ...fields, contact: fields.contact ? maskContact(fields.contact) : '' },
      },
      clock,
    );
    return record;
  });
  return present(db, actor, created, cipher);
}

/** One complaint with its steps. */
export async function getComplaint(
  db: DbOrTx,
  actor: Actor,
  id: string,
  cipher: PersonalDataCipher,
): Promise<{ complaint: Complaint; steps: repo.ComplaintStep[] }> {
  const record = await load(db, actor, id);
  return { complaint: await present(db, actor, record, cipher), steps: await repo.listSteps(db, id) };
}

/** Records a handling step (转办、调查核实、约谈、督促整改、通报批评、答复投诉人…). */
export async function addComplaintStep(
  db: Db,
  actor: Actor,
  id: string,
  step: { date: string; action: string; note?: string },
  clock: Clock,
): Promise<repo.ComplaintStep> {
  const record = await load(db, actor, id);
  authorize(actor, 'complaints.manage', { agencyId: record.agencyId });
  if (record.status === 'concluded') throw new DomainError('CONFLICT', '该投诉（举报）已办结，不能再添加办理环节');
  const s = { date: step.date.trim(), action: step.action.trim(), note: (step.note ?? '').trim() };
  validateStep(s, record.receivedDate, shanghaiDate(clock.now()));
  return db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const saved = await repo.insertStep(tx, id, { ...s, actorName: actor.name }, now);
    if (record.status === 'received') await repo.setStatus(tx, id, 'handling', now);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: record.agencyId,
        action: 'complaint.step',
        subjectType: 'complaint',
        subjectId: id,
        summary: `投诉（举报）办理：${s.action}`,
        after: s,
      },
      clock,
    );
    return saved;
  });
}

/** Records the result and closes the complaint. */
export async function concludeComplaint(
  db: Db,
  actor: Actor,
  id: string,
  c: { result: ComplaintResult; concludedDate: string; resultNote?: string },
  cipher: PersonalDataCipher,
  clock: Clock,
): Promise<Complaint> {
  const record = await load(db, actor, id);
  authorize(actor, 'complaints.manage', { agencyId: record.agencyId });
  if (record.status === 'concluded') throw new DomainError('CONFLICT', '该投诉（举报）已办结');
  const conclusion = {
    result: c.result,
    concludedDate: c.concludedDate.trim(),
    resultNote: (c.resultNote ?? '').trim(),
  };
  validateConclusion(conclusion, record.receivedDate, shanghaiDate(clock.now()));
  await db.transaction().execute(async (tx) => {
    await repo.conclude(tx, id, conclusion, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId: record.agencyId,
        action: 'complaint.conclude',
        subjectType: 'complaint',
        subjectId: id,
        summary: `投诉（举报）办结：${COMPLAINT_RESULT_LABELS[conclusion.result]}`,
        before: { status: record.status },
        after: conclusion,
      },
      clock,
    );
  });
  return present(db, actor, (await repo.findComplaint(db, id))!, cipher);
}

/** Complaints about one agency, or about every agency the actor can see. */
export async function listComplaints(
  db: DbOrTx,
  actor: Actor,
  q: { agencyId?: string; status?: ComplaintStatus; year?: number; limit?: number; offset?: number },
  cipher: PersonalDataCipher,
): Promise<{ items: Complaint[]; total: number }> {
  authorize(actor, 'complaints.read', q.agencyId ? { agencyId: q.agencyId } : {});
  const agencyIds = q.agencyId ? [q.agencyId] : actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies];
  const { items, total } = await repo.listComplaints(
    db,
    agencyIds,
    { status: q.status, year: q.year },
    Math.min(q.limit ?? 50, 200),
    q.offset ?? 0,
  );
  return { items: await Promise.all(items.map((r) => present(db, actor, r, cipher))), total };
}
