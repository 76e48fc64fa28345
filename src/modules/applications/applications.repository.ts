/**
 * SQL of applications, one small function per query; rows become `ApplicationRecord`s before
 * they leave. The same SQL runs on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { ApplicationEventTable, ApplicationTable } from '../../db/tables/applications.ts';
import { TODO_OWNER, type TodoKind } from '../../domain/applications/todo.ts';

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
  /** The inbox's sort key, derived with state and replyDue (inboxKey). */
  inboxKey: string;
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
  /** Plaintext e-mail of a row not yet sealed; read the address through applicantEmail(). */
  email: string;
  emailEnc: string;
  emailMasked: string;
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

/**
 * Each record field and its column, written out: a column renamed, added or retyped in
 * ApplicationTable (src/db/tables/applications.ts) without this table following breaks the build
 * at the checks below, instead of a field silently reading undefined.
 */
const COLUMN_OF = {
  id: 'id',
  agencyId: 'agency_id',
  kind: 'kind',
  trackingNumber: 'tracking_number',
  year: 'year',
  seq: 'seq',
  queryCodeHash: 'query_code_hash',
  channel: 'channel',
  oral: 'oral',
  arrivalDate: 'arrival_date',
  receivedDate: 'received_date',
  state: 'state',
  replyDue: 'reply_due',
  dueRule: 'due_rule',
  dueProvisional: 'due_provisional',
  inboxKey: 'inbox_key',
  closedDate: 'closed_date',
  closedBy: 'closed_by',
  outcome: 'outcome',
  recordsOutcome: 'records_outcome',
  applicantKind: 'applicant_kind',
  applicantName: 'applicant_name',
  contactPerson: 'contact_person',
  idDocType: 'id_doc_type',
  idNumberEnc: 'id_number_enc',
  idNumberHash: 'id_number_hash',
  idNumberMasked: 'id_number_masked',
  phoneEnc: 'phone_enc',
  phoneMasked: 'phone_masked',
  email: 'email',
  emailEnc: 'email_enc',
  emailMasked: 'email_masked',
  addressEnc: 'address_enc',
  addressMasked: 'address_masked',
  postcode: 'postcode',
  infoTitle: 'info_title',
  infoDocNumber: 'info_doc_number',
  infoDescription: 'info_description',
  deliveryForm: 'delivery_form',
  deliveryMethod: 'delivery_method',
  handlerId: 'handler_id',
  idempotencyKey: 'idempotency_key',
  extensionRequestedDays: 'extension_requested_days',
  extensionReason: 'extension_reason',
  reasonsAsked: 'reasons_asked',
  feeBasis: 'fee_basis',
  feeAmount: 'fee_amount',
  decisionOutcome: 'decision_outcome',
  decisionBasis: 'decision_basis',
  decisionReasons: 'decision_reasons',
  responsibleAgency: 'responsible_agency',
  decisionStatus: 'decision_status',
  decidedBy: 'decided_by',
  reviewedBy: 'reviewed_by',
  reviewedAt: 'reviewed_at',
  signedBy: 'signed_by',
  signedAt: 'signed_at',
  archivedAt: 'archived_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies { [F in keyof ApplicationRecord]: keyof ApplicationTable };

type Field = keyof ApplicationRecord;
type ColumnOf<F extends Field> = (typeof COLUMN_OF)[F];
/** Stored form of a field: booleans as 0/1. */
type Stored<T> = [T] extends [boolean] ? number : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Columns no field reads, and fields whose column holds another type: both must be empty. */
type Unmapped = Exclude<keyof ApplicationTable, ColumnOf<Field>>;
type Mistyped = {
  [F in Field]: Same<Stored<ApplicationRecord[F]>, ApplicationTable[ColumnOf<F>]> extends true ? never : F;
}[Field];
type BooleanField = { [F in Field]: ApplicationRecord[F] extends boolean ? F : never }[Field];
const BOOLEAN_FIELDS = ['oral', 'dueProvisional', 'reasonsAsked'] as const satisfies readonly BooleanField[];
type UnlistedBoolean = Exclude<BooleanField, (typeof BOOLEAN_FIELDS)[number]>;
/** Fails to compile, naming the drift, when the record and the table disagree. */
export const ROW_MAPPING_CHECKED: [Unmapped | Mistyped | UnlistedBoolean] extends [never]
  ? true
  : { unmapped: Unmapped; mistyped: Mistyped; unlistedBoolean: UnlistedBoolean } = true;

const FIELDS = Object.entries(COLUMN_OF) as Array<[Field, keyof ApplicationTable]>;
const BOOLEAN = new Set<string>(BOOLEAN_FIELDS);

/**
 * Row → record, through COLUMN_OF (booleans from 0/1). A row of some columns only (the inbox's)
 * gives the fields of those columns.
 */
export function toRecord(row: ApplicationTable): ApplicationRecord;
export function toRecord<C extends keyof ApplicationTable>(row: Pick<ApplicationTable, C>): Partial<ApplicationRecord>;
export function toRecord(row: Partial<ApplicationTable>): Partial<ApplicationRecord> {
  const out: Partial<Record<Field, unknown>> = {};
  for (const [field, column] of FIELDS) {
    if (!(column in row)) continue;
    const v = row[column];
    out[field] = BOOLEAN.has(field) ? v === 1 : v;
  }
  // The field and column types agree (Mistyped above), so the record holds what it says.
  return out as Partial<ApplicationRecord>;
}

/** The columns an inbox row shows: no sealed personal data, a page of them is a tenth of the full rows. */
const INBOX_COLUMNS = [
  'id',
  'agency_id',
  'kind',
  'tracking_number',
  'channel',
  'arrival_date',
  'received_date',
  'state',
  'reply_due',
  'due_provisional',
  'due_rule',
  'closed_date',
  'outcome',
  'applicant_kind',
  'applicant_name',
  'id_number_masked',
  'phone_masked',
  'info_title',
  'info_description',
  'handler_id',
  'decision_status',
  'archived_at',
] as const satisfies ReadonlyArray<keyof ApplicationTable>;

/** An application as the inbox lists it. */
export type InboxItem = Pick<
  ApplicationRecord,
  | 'id'
  | 'agencyId'
  | 'kind'
  | 'trackingNumber'
  | 'channel'
  | 'arrivalDate'
  | 'receivedDate'
  | 'state'
  | 'replyDue'
  | 'dueProvisional'
  | 'dueRule'
  | 'closedDate'
  | 'outcome'
  | 'applicantKind'
  | 'applicantName'
  | 'idNumberMasked'
  | 'phoneMasked'
  | 'infoTitle'
  | 'infoDescription'
  | 'handlerId'
  | 'decisionStatus'
  | 'archivedAt'
>;

/** Record (or part of one) → row columns, through COLUMN_OF (booleans to 0/1). */
export function toRow(rec: Partial<ApplicationRecord>): Partial<ApplicationTable> {
  const out: Partial<Record<keyof ApplicationTable, unknown>> = {};
  for (const [field, column] of FIELDS) {
    const v = rec[field];
    if (v === undefined) continue;
    out[column] = BOOLEAN.has(field) ? (v ? 1 : 0) : v;
  }
  return out as Partial<ApplicationTable>;
}

/** Bulk insert of complete rows with their events (synthetic data), in chunks the drivers accept. */
export async function insertApplicationRows(
  db: DbOrTx,
  apps: readonly ApplicationTable[],
  events: ReadonlyArray<Omit<ApplicationEventTable, 'id'>>,
): Promise<void> {
  for (let i = 0; i < apps.length; i += 100)
    await db
      .insertInto('application')
      .values(apps.slice(i, i + 100))
      .execute();
  for (let i = 0; i < events.length; i += 300)
    await db
      .insertInto('application_event')
      .values(events.slice(i, i + 300))
      .execute();
}

export async function insertApplication(db: DbOrTx, rec: ApplicationRecord): Promise<void> {
  await db
    .insertInto('application')
    .values(toRow(rec) as ApplicationTable)
    .execute();
}

export async function updateApplication(db: DbOrTx, id: string, patch: Partial<ApplicationRecord>): Promise<void> {
  await db.updateTable('application').set(toRow(patch)).where('id', '=', id).execute();
}

export async function findById(db: DbOrTx, id: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findByTracking(
  db: DbOrTx,
  agencyId: string,
  trackingNumber: string,
): Promise<ApplicationRecord | null> {
  const row = await db
    .selectFrom('application')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findByIdempotencyKey(db: DbOrTx, key: string): Promise<ApplicationRecord | null> {
  const row = await db.selectFrom('application').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The next sequence number of an agency's year (the tracking number's {seq}); atomic on both databases. */
export async function nextSeq(db: DbOrTx, agencyId: string, year: number): Promise<number> {
  await db
    .insertInto('application_counter')
    .values({ agency_id: agencyId, year, next_seq: 0 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .execute();
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
  const row = await db
    .selectFrom('application_counter')
    .select('next_seq')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return (row?.next_seq ?? 0) + 1;
}

/** The due date of applications without one (awaiting confirmation) in the inbox order: after every real date. */
const NO_DUE_DATE = '9999-12-31';

/**
 * The inbox order as one stored key (application.inbox_key, written with the other derived clock
 * columns by derivedColumns): open applications ('0') before closed ones ('1'), each by reply due
 * date, those without one last. Rows with the same key come newest first (created_at, then id,
 * descending), so every row has exactly one place and a page can resume after any row.
 */
export function inboxKey(state: string, replyDue: string | null): string {
  return `${state === 'closed' ? '1' : '0'}${replyDue ?? NO_DUE_DATE}`;
}

/** A row's place in the inbox order: a page resumes after it (keyset pagination). */
export interface InboxCursor {
  key: string;
  createdAt: string;
  id: string;
}

/** The inbox's filters (all optional). */
export interface InboxQuery {
  /** The agencies whose applications are listed; 'all' = every agency on the platform (no condition). */
  agencyIds: readonly string[] | 'all';
  states?: readonly string[];
  open?: boolean;
  dueBefore?: string;
  overdueOn?: string;
  handlerId?: string;
  channel?: string;
  applicantKind?: string;
  kind?: string;
  /** 待办: the applications of one kind of work, for this user where the kind is the handler's own (src/domain/applications/todo.ts). */
  todo?: { kind: TodoKind; userId: string | null };
  search?: string;
  limit: number;
  /** Rows to skip (page numbers); ignored when `after` is given. */
  offset: number;
  /** Resume after this row instead of skipping `offset` rows. */
  after?: InboxCursor;
  /** Defaults COUNT_CAP (tests set it low to exercise both sides). */
  countCap?: number;
}

/** The open applications' part of the order (key '0…'), where every state filter other than 'closed' looks. */
const CLOSED_KEYS = '1';

/**
 * The filters as conditions. Each filter that restricts the open/closed part or the due date also
 * bounds inbox_key, the leading column of both order indexes, so the walk starts and stops where
 * the matches are (overdue = the open keys before today's). `walkOrder`: see listInbox.
 */
function inboxWhere(db: DbOrTx, q: InboxQuery, walkOrder = false) {
  let query = db.selectFrom('application');
  if (q.agencyIds === 'all') {
    // every agency: no condition
  } else if (q.agencyIds.length === 1) query = query.where('agency_id', '=', q.agencyIds[0]!);
  // SQLite: a unary + keeps the planner from fetching rows by agency (and sorting them all).
  else if (walkOrder && dialectOf(db) === 'sqlite') query = query.where(sql`+agency_id`, 'in', [...q.agencyIds]);
  else query = query.where('agency_id', 'in', [...q.agencyIds]);
  if (q.states && q.states.length > 0) {
    query = query.where('state', 'in', q.states as string[]);
    if (!q.states.includes('closed')) query = query.where('inbox_key', '<', CLOSED_KEYS);
    else if (q.states.length === 1) query = query.where('inbox_key', '>=', CLOSED_KEYS);
  }
  if (q.open) query = query.where('state', '!=', 'closed').where('inbox_key', '<', CLOSED_KEYS);
  if (q.dueBefore)
    query = query
      .where('state', '!=', 'closed')
      .where('reply_due', '<=', q.dueBefore)
      .where('inbox_key', '<=', inboxKey('open', q.dueBefore));
  if (q.overdueOn)
    query = query
      .where('state', '!=', 'closed')
      .where('reply_due', '<', q.overdueOn)
      .where('inbox_key', '<', inboxKey('open', q.overdueOn));
  if (q.handlerId) query = query.where('handler_id', '=', q.handlerId);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.applicantKind) query = query.where('applicant_kind', '=', q.applicantKind);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.todo) query = todoWhere(query, q.todo.kind, q.todo.userId);
  if (q.search) {
    const like = `%${q.search.replace(/[%_]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('tracking_number', 'like', like),
        eb('applicant_name', 'like', like),
        eb('info_description', 'like', like),
      ]),
    );
  }
  return query;
}

type ApplicationQuery = ReturnType<typeof inboxWhere>;

/**
 * One kind of 待办 as conditions: the SQL of `isTodo` (src/domain/applications/todo.ts), over the
 * open part of the inbox order. A kind that is the handler's own (TODO_OWNER) matches nothing without a user.
 */
export function todoWhere<Q extends ApplicationQuery>(query: Q, kind: TodoKind, userId: string | null): Q {
  let q = query.where('state', '!=', 'closed').where('inbox_key', '<', CLOSED_KEYS).where('archived_at', 'is', null);
  if (TODO_OWNER[kind].mine) q = q.where('handler_id', '=', userId ?? '');
  switch (kind) {
    case 'confirm':
      return q.where('state', '=', 'awaitingConfirmation') as Q;
    case 'assign':
      return q.where('handler_id', 'is', null) as Q;
    case 'handle':
      return q
        .where('state', '=', 'running')
        .where((eb) => eb.or([eb('decision_status', 'is', null), eb('decision_status', '=', 'returned')])) as Q;
    case 'review':
      return q.where('decision_status', '=', 'draft') as Q;
    case 'signOff':
      return q.where('decision_status', '=', 'reviewed') as Q;
    case 'approveExtension':
      return q.where('extension_requested_days', 'is not', null) as Q;
    case 'deliver':
      return q.where('decision_status', '=', 'signed') as Q;
    case 'correction':
      return q.where('state', '=', 'awaitingCorrection') as Q;
    case 'consultation':
      return q.where('state', '=', 'consulting') as Q;
    case 'fee':
      return q.where('state', '=', 'awaitingFee') as Q;
  }
}

/**
 * One kind of 待办 for the dashboard: how many, how many overdue on `today` and due by `soon`,
 * and the first `limit` in the inbox order (most urgent first: by due date, none last).
 */
export async function todoOfKind(
  db: DbOrTx,
  agencyIds: readonly string[],
  kind: TodoKind,
  userId: string | null,
  today: string,
  soon: string,
  limit: number,
): Promise<{ count: number; overdue: number; dueSoon: number; items: InboxItem[] }> {
  if (agencyIds.length === 0) return { count: 0, overdue: 0, dueSoon: 0, items: [] };
  const base = () => todoWhere(db.selectFrom('application').where('agency_id', 'in', [...agencyIds]), kind, userId);
  const [counts, rows] = await Promise.all([
    base()
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when reply_due < ${today} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when reply_due >= ${today} and reply_due <= ${soon} then 1 else 0 end)`.as('dueSoon'),
      ])
      .executeTakeFirstOrThrow(),
    base()
      .select([...INBOX_COLUMNS])
      .orderBy('inbox_key')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return {
    count: Number(counts.n ?? 0),
    overdue: Number(counts.overdue ?? 0),
    dueSoon: Number(counts.dueSoon ?? 0),
    items: rows.map((r) => toRecord(r as ApplicationTable) as InboxItem),
  };
}

/** The inbox counts at most this many matches (the list says 「1000件以上」 beyond), as the catalog search does. */
export const COUNT_CAP = 1_000;

/**
 * One page of the inbox in its order (inboxKey), the number of matches counted up to the cap, and
 * the cursor of the next page (null on the last).
 *
 * With more matches than the cap, an inbox over several agencies walks the order index
 * (application_inbox_order_idx) and skips the other agencies' rows inside it, instead of reading
 * every match through the agency index and sorting them: with m matches among N applications the
 * walk reads about page × N / m index rows, the sort m rows (at 200,000 applications and pages of
 * 20 the walk reads 4,000 index rows when m = 1,000, and 20 for a whole province). SQLite is told
 * to walk (the agency condition hidden from its planner); PostgreSQL's planner weighs both plans
 * from its statistics. The page's rows carry only the columns the list shows.
 */
export async function listInbox(
  db: DbOrTx,
  q: InboxQuery,
): Promise<{ items: InboxItem[]; total: number; totalCapped: boolean; nextCursor: InboxCursor | null }> {
  const cap = q.countCap ?? COUNT_CAP;
  // Counting stops after the cap (+1 to know there are more): a supervisor's inbox over a whole province need not count 200,000 rows.
  const counting = async () =>
    Number(
      (
        await db
          .selectFrom(
            inboxWhere(db, q)
              .select(sql<number>`1`.as('one'))
              .limit(cap + 1)
              .as('capped'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // One row more than the page tells whether there is a next one.
  const paging = (walkOrder: boolean) => {
    let page = inboxWhere(db, q, walkOrder).select([...INBOX_COLUMNS, 'inbox_key', 'created_at']);
    if (q.after) {
      const { key, createdAt, id } = q.after;
      page = page
        .where('inbox_key', '>=', key)
        .where((eb) =>
          eb.or([eb('inbox_key', '>', key), eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id))]),
        );
    }
    return page
      .orderBy('inbox_key')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .offset(q.after ? 0 : q.offset)
      .execute();
  };
  // Only SQLite over several agencies chooses its plan by the count; otherwise both run at once (on PostgreSQL, on two connections).
  const planByCount = dialectOf(db) === 'sqlite' && q.agencyIds !== 'all' && q.agencyIds.length > 1;
  let n: number;
  let rows: Awaited<ReturnType<typeof paging>>;
  if (planByCount) {
    n = await counting();
    rows = await paging(n > cap);
  } else {
    [n, rows] = await Promise.all([counting(), paging(false)]);
  }
  const shown = rows.slice(0, q.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((r) => toRecord(r) as InboxItem),
    total: Math.min(n, cap),
    totalCapped: n > cap,
    nextCursor: rows.length > q.limit && last ? { key: last.inbox_key, createdAt: last.created_at, id: last.id } : null,
  };
}

/**
 * After applications were loaded in bulk (gongkai synth; not inside a transaction): the planner's
 * statistics, and on PostgreSQL the visibility map too (VACUUM), without which every index-only
 * walk of the inbox indexes fetched each row from the table and the planner chose the walk where a
 * sort of a few thousand rows was cheaper (28 ms instead of 3 ms for a county's inbox).
 */
export async function analyzeApplications(db: DbOrTx): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`vacuum (analyze) application, application_event`.execute(db);
  else await sql`pragma optimize`.execute(db);
}

/** What counting for year Y needs: disclosure applications received by 31 December Y and not closed before 1 January Y. */
export async function countableInYear(db: DbOrTx, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('application')
    .select([
      'received_date as receivedDate',
      'closed_date as closedDate',
      'outcome',
      'applicant_kind as applicantKind',
    ])
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
/**
 * Applications a calendar import can move (lifecycle.md: every stored date recomputed): the open
 * ones and those whose stored due date was provisional.
 */
export async function idsToRecompute(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('application')
    .select('id')
    .where((eb) => eb.or([eb('state', '!=', 'closed'), eb('due_provisional', '=', 1)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function openAfter(db: DbOrTx, afterId: string, limit: number): Promise<ApplicationRecord[]> {
  const rows = await db
    .selectFrom('application')
    .selectAll()
    .where('state', '!=', 'closed')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => toRecord(r));
}

/** How many applications one applicant (by keyed hash) filed with an agency from `since` (to `until`, inclusive) — 第三十五条, fee months. */
export async function countByApplicantSince(
  db: DbOrTx,
  agencyId: string,
  hash: string,
  since: string,
  excludeId?: string,
  before?: { arrivalDate: string; createdAt: string },
): Promise<number> {
  let q = db
    .selectFrom('application')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('id_number_hash', '=', hash)
    .where('arrival_date', '>=', since);
  if (excludeId) q = q.where('id', '!=', excludeId);
  // Filed before the given one: an earlier day, or the same day and registered earlier.
  if (before)
    q = q.where((eb) =>
      eb.or([
        eb('arrival_date', '<', before.arrivalDate),
        eb.and([eb('arrival_date', '=', before.arrivalDate), eb('created_at', '<', before.createdAt)]),
      ]),
    );
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** One agency's disclosure applications since a date, for the 第三十六条第六项 and 第四十四条 detectors. */
export async function comparableSince(db: DbOrTx, agencyId: string, since: string, limit = 2000) {
  return db
    .selectFrom('application')
    .select([
      'id',
      'tracking_number as trackingNumber',
      'id_number_hash as applicantHash',
      'info_description as description',
      'received_date as receivedDate',
      'outcome',
    ])
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

/** dueCounts per agency (only agencies with an open application appear). */
export async function dueCountsByAgency(db: DbOrTx, agencyIds: readonly string[], soon: string, today: string) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('application')
    .select([
      'agency_id',
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(case when reply_due >= ${today} and reply_due <= ${soon} then 1 else 0 end)`.as('dueSoon'),
      sql<number>`sum(case when reply_due < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .where('agency_id', 'in', agencyIds as string[])
    .where('state', '!=', 'closed')
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    open: Number(r.open ?? 0),
    dueSoon: Number(r.dueSoon ?? 0),
    overdue: Number(r.overdue ?? 0),
  }));
}

export async function findTrackingPattern(db: DbOrTx, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('application_settings')
    .select('tracking_pattern')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row?.tracking_pattern ?? null;
}

export async function saveTrackingPattern(db: DbOrTx, agencyId: string, pattern: string, now: string): Promise<void> {
  await db
    .insertInto('application_settings')
    .values({ agency_id: agencyId, tracking_pattern: pattern, updated_at: now })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ tracking_pattern: pattern, updated_at: now }))
    .execute();
}

/** The agency's [INTERPRETATION] clock setting, if it changed it. */
export async function findLateFeeSetting(
  db: DbOrTx,
  agencyId: string,
): Promise<{ lateFeePaymentAcceptable: boolean; updatedAt: string; updatedBy: string } | null> {
  const row = await db
    .selectFrom('application_clock_setting')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row
    ? {
        lateFeePaymentAcceptable: Number(row.late_fee_payment_acceptable) === 1,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      }
    : null;
}

export async function saveLateFeeSetting(
  db: DbOrTx,
  agencyId: string,
  value: boolean,
  at: string,
  by: string,
): Promise<void> {
  const values = { late_fee_payment_acceptable: value ? 1 : 0, updated_at: at, updated_by: by };
  await db
    .insertInto('application_clock_setting')
    .values({ agency_id: agencyId, ...values })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet(values))
    .execute();
}

/** A cheap fingerprint of the imported calendar years: when it changes, the calendar in force changed. */
export async function calendarStamp(db: DbOrTx): Promise<string> {
  const rows = await db.selectFrom('calendar_year').select(['year', 'imported_at']).orderBy('year').execute();
  return rows.map((r) => `${r.year}@${r.imported_at}`).join(',');
}

/** Rows whose e-mail is still in plaintext (written before issue 15 sealed it), a batch at a time. */
export async function listUnsealedEmails(db: DbOrTx, limit: number): Promise<Array<{ id: string; email: string }>> {
  return db
    .selectFrom('application')
    .select(['id', 'email'])
    .where('email', '<>', '')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Stores the sealed e-mail and empties the plaintext. */
export async function storeSealedEmail(db: DbOrTx, id: string, sealed: string, masked: string): Promise<void> {
  await db
    .updateTable('application')
    .set({ email_enc: sealed, email_masked: masked, email: '' })
    .where('id', '=', id)
    .execute();
}

/** The sealed personal data of a page of applications (in id order), for the restore check. */
export async function listSealedValues(
  db: DbOrTx,
  afterId: string,
  limit: number,
): Promise<Array<{ id: string; trackingNumber: string; values: string[] }>> {
  const rows = await db
    .selectFrom('application')
    .select(['id', 'tracking_number', 'id_number_enc', 'phone_enc', 'address_enc', 'email_enc'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingNumber: r.tracking_number,
    values: [r.id_number_enc, r.phone_enc, r.address_enc, r.email_enc].filter((v) => v !== ''),
  }));
}
