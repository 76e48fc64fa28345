/**
 * SQL of applications, one small function per query; rows become `ApplicationRecord`s before
 * they leave. The same SQL runs on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ApplicationTable } from '../../db/tables/applications.ts';

/** An application as the services see it (personal data still sealed). */
export interface ApplicationRecord {
  id: string;
  agencyId: string;
  kind: string;
  trackingNumber: string;
  year: number;
  seq: number;
  queryCodeHash: string;
  channel: string;
  oral: boolean;
  arrivalDate: string;
  receivedDate: string | null;
  state: string;
  replyDue: string | null;
  dueRule: string | null;
  dueProvisional: boolean;
  closedDate: string | null;
  closedBy: string | null;
  outcome: string | null;
  recordsOutcome: string | null;
  applicantKind: string;
  applicantName: string;
  contactPerson: string;
  idDocType: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  email: string;
  addressEnc: string;
  addressMasked: string;
  postcode: string;
  infoTitle: string;
  infoDocNumber: string;
  infoDescription: string;
  deliveryForm: string;
  deliveryMethod: string;
  handlerId: string | null;
  idempotencyKey: string | null;
  extensionRequestedDays: number | null;
  extensionReason: string | null;
  reasonsAsked: boolean;
  feeBasis: string | null;
  feeAmount: number | null;
  decisionOutcome: string | null;
  decisionBasis: string | null;
  decisionReasons: string | null;
  responsibleAgency: string | null;
  decisionStatus: string | null;
  decidedBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  signedBy: string | null;
  signedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const BOOLEAN = new Set(['oral', 'due_provisional', 'reasons_asked']);

/** Row → record (booleans from 0/1). */
export function toRecord(row: ApplicationTable): ApplicationRecord {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = BOOLEAN.has(k) ? v === 1 : v;
  return out as unknown as ApplicationRecord;
}

/** Record (or part of one) → row columns. */
export function toRow(rec: Partial<ApplicationRecord>): Partial<ApplicationTable> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (v === undefined) continue;
    const col = snake(k);
    out[col] = BOOLEAN.has(col) ? (v ? 1 : 0) : v;
  }
  return out as Partial<ApplicationTable>;
}

export async function insertApplication(db: DbOrTx, rec: ApplicationRecord): Promise<void> {
  await db.insertInto('application').values(toRow(rec) as ApplicationTable).execute();
}

export async function updateApplication(db: DbOrTx, id: string, patch: Partial<ApplicationRecord>): Promise<void> {
  await db.updateTable('application').set(toRow(patch)).where('id', '=', id).execute();
}

export async function findById(db: DbOrTx, id: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findByTracking(db: DbOrTx, agencyId: string, trackingNumber: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('application').selectAll().where('agency_id', '=', agencyId).where('tracking_number', '=', trackingNumber).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findByIdempotencyKey(db: DbOrTx, key: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('application').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The next sequence number of an agency's year (the tracking number's {seq}); atomic on both databases. */
export async function nextSeq(db: DbOrTx, agencyId: string, year: number): Promise<number> {
  await db.insertInto('application_counter').values({ agency_id: agencyId, year, next_seq: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const row = await db
    .updateTable('application_counter')
    .set({ next_seq: sql`next_seq + 1` })
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .returning('next_seq')
    .executeTakeFirstOrThrow();
  return row.next_seq;
}

/** The seq the next application of the year will get, without taking it (for previews). */
export async function peekNextSeq(db: DbOrTx, agencyId: string, year: number): Promise<number> {
  const row = await db.selectFrom('application_counter').select('next_seq').where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  return (row?.next_seq ?? 0) + 1;
}

/** The inbox's filters (all optional). */
export interface InboxQuery {
  agencyIds: readonly string[];
  states?: readonly string[];
  open?: boolean;
  dueBefore?: string;
  overdueOn?: string;
  handlerId?: string;
  channel?: string;
  applicantKind?: string;
  kind?: string;
  search?: string;
  limit: number;
  offset: number;
}

function inboxWhere(db: DbOrTx, q: InboxQuery) {
  let query = db.selectFrom('application').where('agency_id', 'in', q.agencyIds as string[]);
  if (q.states && q.states.length > 0) query = query.where('state', 'in', q.states as string[]);
  if (q.open) query = query.where('state', '!=', 'closed');
  if (q.dueBefore) query = query.where('state', '!=', 'closed').where('reply_due', '<=', q.dueBefore);
  if (q.overdueOn) query = query.where('state', '!=', 'closed').where('reply_due', '<', q.overdueOn);
  if (q.handlerId) query = query.where('handler_id', '=', q.handlerId);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.applicantKind) query = query.where('applicant_kind', '=', q.applicantKind);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.search) {
    const like = `%${q.search.replace(/[%_]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('tracking_number', 'like', like), eb('applicant_name', 'like', like), eb('info_description', 'like', like)]));
  }
  return query;
}

/** The inbox counts at most this many matches (the list says 「10000件以上」 beyond). */
export const COUNT_CAP = 10_000;

/** One page of the inbox, open ones by due date first, then the newest. */
export async function listInbox(db: DbOrTx, q: InboxQuery): Promise<{ items: ApplicationRecord[]; total: number; totalCapped: boolean }> {
  // Sort only the ids (the sorter then holds keys, not whole rows with their sealed columns), then fetch the page.
  const [page, count] = await Promise.all([
    inboxWhere(db, q)
      .select('id')
      .orderBy(sql`case when state = 'closed' then 1 else 0 end`)
      .orderBy(sql`coalesce(reply_due, '9999-12-31')`)
      .orderBy('created_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    // Counting stops at COUNT_CAP: a supervisor's inbox over a whole province need not count 200,000 rows to page them.
    db.selectFrom(inboxWhere(db, q).select('id').limit(COUNT_CAP + 1).as('capped')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  const ids = page.map((r) => r.id);
  const rows = ids.length === 0 ? [] : await db.selectFrom('application').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => toRecord(byId.get(id)!)), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/** What counting for year Y needs: disclosure applications received by 31 December Y and not closed before 1 January Y. */
export async function countableInYear(db: DbOrTx, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('application')
    .select(['received_date as receivedDate', 'closed_date as closedDate', 'outcome', 'applicant_kind as applicantKind'])
    .where('agency_id', 'in', agencyIds as string[])
    .where('kind', '=', 'disclosure')
    .where('received_date', 'is not', null)
    .where('received_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>=', `${year}-01-01`)]))
    .execute();
}

/** 信息处理费 paid in year Y (元), by the date the payment was recorded. */
export async function feesPaidInYear(db: DbOrTx, agencyIds: readonly string[], year: number): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const row = await db
    .selectFrom('application_event as e')
    .innerJoin('application as a', 'a.id', 'e.application_id')
    .select((eb) => eb.fn.sum<number>('a.fee_amount').as('total'))
    .where('a.agency_id', 'in', agencyIds as string[])
    .where('e.type', '=', 'feePaid')
    .where('e.date', '>=', `${year}-01-01`)
    .where('e.date', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Open applications (the sweep recomputes their clocks), a page at a time by id. */
export async function openAfter(db: DbOrTx, afterId: string, limit: number): Promise<ApplicationRecord[]> {
  const rows = await db.selectFrom('application').selectAll().where('state', '!=', 'closed').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toRecord);
}

/** How many applications one applicant (by keyed hash) filed with an agency from `since` (to `until`, inclusive) — 第三十五条, fee months. */
export async function countByApplicantSince(db: DbOrTx, agencyId: string, hash: string, since: string, excludeId?: string, before?: { arrivalDate: string; createdAt: string }): Promise<number> {
  let q = db.selectFrom('application').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agencyId).where('id_number_hash', '=', hash).where('arrival_date', '>=', since);
  if (excludeId) q = q.where('id', '!=', excludeId);
  // Filed before the given one: an earlier day, or the same day and registered earlier.
  if (before) q = q.where((eb) => eb.or([eb('arrival_date', '<', before.arrivalDate), eb.and([eb('arrival_date', '=', before.arrivalDate), eb('created_at', '<', before.createdAt)])]));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** One agency's disclosure applications since a date, for the 第三十六条第六项 and 第四十四条 detectors. */
export async function comparableSince(db: DbOrTx, agencyId: string, since: string, limit = 2000) {
  return db
    .selectFrom('application')
    .select(['id', 'tracking_number as trackingNumber', 'id_number_hash as applicantHash', 'info_description as description', 'received_date as receivedDate', 'outcome'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'disclosure')
    .where('arrival_date', '>=', since)
    .orderBy('arrival_date', 'desc')
    .limit(limit)
    .execute();
}

/** Counts for the dashboard: open, due within the date, overdue on the date. */
export async function dueCounts(db: DbOrTx, agencyIds: readonly string[], soon: string, today: string) {
  if (agencyIds.length === 0) return { open: 0, dueSoon: 0, overdue: 0 };
  const row = await db
    .selectFrom('application')
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(case when reply_due >= ${today} and reply_due <= ${soon} then 1 else 0 end)`.as('dueSoon'),
      sql<number>`sum(case when reply_due < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .where('agency_id', 'in', agencyIds as string[])
    .where('state', '!=', 'closed')
    .executeTakeFirstOrThrow();
  return { open: Number(row.open ?? 0), dueSoon: Number(row.dueSoon ?? 0), overdue: Number(row.overdue ?? 0) };
}

export async function findTrackingPattern(db: DbOrTx, agencyId: string): Promise<string | null> {
  const row = await db.selectFrom('application_settings').select('tracking_pattern').where('agency_id', '=', agencyId).executeTakeFirst();
  return row?.tracking_pattern ?? null;
}

export async function saveTrackingPattern(db: DbOrTx, agencyId: string, pattern: string, now: string): Promise<void> {
  await db
    .insertInto('application_settings')
    .values({ agency_id: agencyId, tracking_pattern: pattern, updated_at: now })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ tracking_pattern: pattern, updated_at: now }))
    .execute();
}

/** A cheap fingerprint of the imported calendar years: when it changes, the calendar in force changed. */
export async function calendarStamp(db: DbOrTx): Promise<string> {
  const rows = await db.selectFrom('calendar_year').select(['year', 'imported_at']).orderBy('year').execute();
  return rows.map((r) => `${r.year}@${r.imported_at}`).join(',');
}
