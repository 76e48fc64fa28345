/** SQL of the 投诉、举报 register. Rows become domain objects before they leave. */
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ComplaintStepTable, ComplaintTable } from '../../db/tables/complaints.ts';
import type { ComplaintKind, ComplaintResult, ComplaintStatus } from '../../domain/complaints/rules.ts';

export interface ComplaintRecord {
  id: string;
  agencyId: string;
  receivingAgencyId: string;
  kind: ComplaintKind;
  complainant: string;
  contactSealed: string;
  receivedDate: string;
  subject: string;
  applicationId: string | null;
  status: ComplaintStatus;
  result: ComplaintResult | null;
  resultNote: string;
  concludedDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintStep {
  id: number;
  date: string;
  action: string;
  note: string;
  actorName: string;
  createdAt: string;
}

function toRecord(r: Selectable<ComplaintTable>): ComplaintRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    receivingAgencyId: r.receiving_agency_id,
    kind: r.kind as ComplaintKind,
    complainant: r.complainant,
    contactSealed: r.contact_sealed,
    receivedDate: r.received_date,
    subject: r.subject,
    applicationId: r.application_id,
    status: r.status as ComplaintStatus,
    result: r.result as ComplaintResult | null,
    resultNote: r.result_note,
    concludedDate: r.concluded_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toStep = (r: Selectable<ComplaintStepTable>): ComplaintStep => ({
  id: r.id,
  date: r.step_date,
  action: r.action,
  note: r.note,
  actorName: r.actor_name,
  createdAt: r.created_at,
});

export async function insertComplaint(
  db: DbOrTx,
  c: Omit<ComplaintRecord, 'createdAt' | 'updatedAt'>,
  now: string,
): Promise<ComplaintRecord> {
  const row = await db
    .insertInto('complaint')
    .values({
      id: c.id,
      agency_id: c.agencyId,
      receiving_agency_id: c.receivingAgencyId,
      kind: c.kind,
      complainant: c.complainant,
      contact_sealed: c.contactSealed,
      received_date: c.receivedDate,
      subject: c.subject,
      application_id: c.applicationId,
      status: c.status,
      result: c.result,
      result_note: c.resultNote,
      concluded_date: c.concludedDate,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findComplaint(db: DbOrTx, id: string): Promise<ComplaintRecord | null> {
  const row = await db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function setStatus(db: DbOrTx, id: string, status: ComplaintStatus, now: string): Promise<void> {
  await db.updateTable('complaint').set({ status, updated_at: now }).where('id', '=', id).execute();
}

export async function conclude(
  db: DbOrTx,
  id: string,
  c: { result: ComplaintResult; resultNote: string; concludedDate: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('complaint')
    .set({
      status: 'concluded',
      result: c.result,
      result_note: c.resultNote,
      concluded_date: c.concludedDate,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertStep(
  db: DbOrTx,
  complaintId: string,
  s: { date: string; action: string; note: string; actorName: string },
  now: string,
): Promise<ComplaintStep> {
  const row = await db
    .insertInto('complaint_step')
    .values({
      complaint_id: complaintId,
      step_date: s.date,
      action: s.action,
      note: s.note,
      actor_name: s.actorName,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStep(row);
}

export async function listSteps(db: DbOrTx, complaintId: string): Promise<ComplaintStep[]> {
  const rows = await db
    .selectFrom('complaint_step')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('step_date')
    .orderBy('id')
    .execute();
  return rows.map(toStep);
}

/** Complaints about the given agencies, newest first. */
export async function listComplaints(
  db: DbOrTx,
  agencyIds: string[] | 'all',
  f: { status?: ComplaintStatus; year?: number },
  limit: number,
  offset: number,
): Promise<{ items: ComplaintRecord[]; total: number }> {
  if (agencyIds !== 'all' && agencyIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('complaint');
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.year !== undefined)
    q = q.where('received_date', '>=', `${f.year}-01-01`).where('received_date', '<=', `${f.year}-12-31`);
  const total = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('received_date', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  return { items: rows.map(toRecord), total: Number(total.n) };
}
