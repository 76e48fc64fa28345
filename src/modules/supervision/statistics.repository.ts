/**
 * The supervisor's statistics as set-based SQL: each query counts the whole subtree at once,
 * grouped by agency (never one query per agency), so a province of thousands of agencies costs
 * the same handful of statements as a county. `ids` null means every agency on the platform
 * (no agency condition at all). Reviewable: the compiled SQL is snapshotted in a test.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/** The agency condition: none for the whole platform, else `column in (…)`. */
function inAgencies(column: string, ids: readonly string[] | null): Expression<SqlBool> {
  if (ids === null) return sql<SqlBool>`1 = 1`;
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids.map((id) => sql`${id}`))})`;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * Outcomes that need no reasons: 予以公开, and the lapses the clock records itself (第三十条, fees).
 * Every other reply states why: 部分公开 and 不予公开 their reasons (第三十六条第三项、第三十七条),
 * the others at least their legal basis (第三十六条第四项至第七项).
 */
const REPLY_WITHOUT_REASONS = sql`('granted', 'other_no_correction', 'other_no_fee')`;

export interface ApplicationCountsRow {
  agencyId: string;
  received: number;
  closed: number;
  open: number;
  overdueNow: number;
  closedLate: number;
  refusals: number;
  refusalsWithReasons: number;
}

/** Per agency: received / closed in the period, open and overdue today, closed after the due date. */
export async function applicationCounts(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
  today: string,
): Promise<ApplicationCountsRow[]> {
  const r = await sql<Record<string, unknown>>`
    select agency_id,
      sum(case when received_date >= ${from} and received_date <= ${to} then 1 else 0 end) as received,
      sum(case when closed_date >= ${from} and closed_date <= ${to} then 1 else 0 end) as closed,
      sum(case when state <> 'closed' then 1 else 0 end) as open_now,
      sum(case when state <> 'closed' and reply_due < ${today} then 1 else 0 end) as overdue_now,
      sum(case when closed_date >= ${from} and closed_date <= ${to} and reply_due is not null and closed_date > reply_due then 1 else 0 end) as closed_late,
      sum(case when closed_date >= ${from} and closed_date <= ${to} and outcome not in ${REPLY_WITHOUT_REASONS} then 1 else 0 end) as refusals,
      sum(case when closed_date >= ${from} and closed_date <= ${to} and outcome not in ${REPLY_WITHOUT_REASONS}
        and (coalesce(decision_reasons, '') <> ''
          or (outcome <> 'partial' and outcome not like 'withheld%' and coalesce(decision_basis, '') <> ''))
        then 1 else 0 end) as refusals_with_reasons
    from application
    where kind = 'disclosure' and ${inAgencies('agency_id', ids)}
      and (state <> 'closed' or closed_date >= ${from} or received_date >= ${from})
    group by agency_id`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    received: n(x.received),
    closed: n(x.closed),
    open: n(x.open_now),
    overdueNow: n(x.overdue_now),
    closedLate: n(x.closed_late),
    refusals: n(x.refusals),
    refusalsWithReasons: n(x.refusals_with_reasons),
  }));
}

/** Closed in the period, per agency and table 三 outcome. */
export async function outcomeCounts(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<Array<{ agencyId: string; outcome: string; count: number }>> {
  const r = await sql<Record<string, unknown>>`
    select agency_id, outcome, count(*) as n
    from application
    where kind = 'disclosure' and ${inAgencies('agency_id', ids)}
      and closed_date >= ${from} and closed_date <= ${to} and outcome is not null
    group by agency_id, outcome`.execute(db);
  return r.rows.map((x) => ({ agencyId: String(x.agency_id), outcome: String(x.outcome), count: n(x.n) }));
}

/** Closed in the period: how many per (agency, receipt date, closure date) — working days are counted in code. */
export async function replySpans(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<Array<{ agencyId: string; receivedDate: string; closedDate: string; count: number }>> {
  const r = await sql<Record<string, unknown>>`
    select agency_id, received_date, closed_date, count(*) as n
    from application
    where kind = 'disclosure' and ${inAgencies('agency_id', ids)}
      and closed_date >= ${from} and closed_date <= ${to} and received_date is not null
    group by agency_id, received_date, closed_date`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    receivedDate: String(x.received_date),
    closedDate: String(x.closed_date),
    count: n(x.n),
  }));
}

/** 信息处理费 paid in the period (by the date the payment was recorded), per agency, 元. */
export async function feesPaid(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<Array<{ agencyId: string; yuan: number }>> {
  const r = await sql<Record<string, unknown>>`
    select a.agency_id, sum(a.fee_amount) as total
    from application_event e join application a on a.id = e.application_id
    where e.type = 'feePaid' and e.date >= ${from} and e.date <= ${to} and ${inAgencies('a.agency_id', ids)}
    group by a.agency_id`.execute(db);
  return r.rows.map((x) => ({ agencyId: String(x.agency_id), yuan: n(x.total) }));
}

/** Received and closed (and closed late) per month of the period, over the whole subtree. */
export async function monthlyApplications(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<Array<{ month: string; received: number; closed: number; closedLate: number }>> {
  const [received, closed] = await Promise.all([
    sql<Record<string, unknown>>`
      select substr(received_date, 1, 7) as month, count(*) as n
      from application
      where kind = 'disclosure' and ${inAgencies('agency_id', ids)} and received_date >= ${from} and received_date <= ${to}
      group by substr(received_date, 1, 7)`.execute(db),
    sql<Record<string, unknown>>`
      select substr(closed_date, 1, 7) as month, count(*) as n,
        sum(case when reply_due is not null and closed_date > reply_due then 1 else 0 end) as late
      from application
      where kind = 'disclosure' and ${inAgencies('agency_id', ids)} and closed_date >= ${from} and closed_date <= ${to}
      group by substr(closed_date, 1, 7)`.execute(db),
  ]);
  const months = new Map<string, { month: string; received: number; closed: number; closedLate: number }>();
  const at = (m: string) => {
    let row = months.get(m);
    if (!row) months.set(m, (row = { month: m, received: 0, closed: 0, closedLate: 0 }));
    return row;
  };
  for (const x of received.rows) at(String(x.month)).received = n(x.n);
  for (const x of closed.rows) {
    const row = at(String(x.month));
    row.closed = n(x.n);
    row.closedLate = n(x.late);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export interface PublishedRow {
  agencyId: string;
  statutoryItem: string;
  published: number;
  onTime: number;
  late: number;
  interpretations: number;
  normative: number;
}

/** Published in the period (and still published), per agency and statutory item, with 第二十六条 timeliness. */
export async function publishedCounts(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<PublishedRow[]> {
  const r = await sql<Record<string, unknown>>`
    select agency_id, statutory_item, count(*) as n,
      sum(case when published_on <= due_on then 1 else 0 end) as on_time,
      sum(case when published_on > due_on then 1 else 0 end) as late,
      sum(case when doc_type = 'policy_interpretation' then 1 else 0 end) as interpretations,
      sum(case when doc_type in ('rule', 'normative') then 1 else 0 end) as normative
    from catalog_item
    where status = 'published' and ${inAgencies('agency_id', ids)}
      and published_on >= ${from} and published_on <= ${to}
    group by agency_id, statutory_item`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    statutoryItem: String(x.statutory_item),
    published: n(x.n),
    onTime: n(x.on_time),
    late: n(x.late),
    interpretations: n(x.interpretations),
    normative: n(x.normative),
  }));
}

export interface CatalogNowRow {
  agencyId: string;
  overdueNow: number;
  normativePublic: number;
  normativeInForce: number;
  normativeEnded: number;
  normativeDated: number;
}

/** Today's state per agency: drafts past their 第二十六条 due date; 规章/规范性文件 and their validity marks. */
export async function catalogNow(db: DbOrTx, ids: readonly string[] | null, today: string): Promise<CatalogNowRow[]> {
  const r = await sql<Record<string, unknown>>`
    select agency_id,
      sum(case when status not in ('published', 'withdrawn') and due_on < ${today} then 1 else 0 end) as overdue_now,
      sum(case when status = 'published' and doc_type in ('rule', 'normative') then 1 else 0 end) as normative_public,
      sum(case when status = 'published' and doc_type in ('rule', 'normative')
        and (ended_as is null or ended_on is null or ended_on > ${today}) then 1 else 0 end) as in_force,
      sum(case when status = 'published' and doc_type in ('rule', 'normative')
        and ended_as is not null and ended_on <= ${today} then 1 else 0 end) as ended,
      sum(case when status = 'published' and doc_type in ('rule', 'normative') and effective_on is not null then 1 else 0 end) as dated
    from catalog_item
    where ${inAgencies('agency_id', ids)} and status <> 'withdrawn'
    group by agency_id`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    overdueNow: n(x.overdue_now),
    normativePublic: n(x.normative_public),
    normativeInForce: n(x.in_force),
    normativeEnded: n(x.ended),
    normativeDated: n(x.dated),
  }));
}

export interface CaseRow {
  agencyId: string;
  kind: string;
  filed: number;
  concluded: number;
  corrected: number;
  upheld: number;
  pending: number;
}

/** 复议/诉讼 per agency and kind: filed and concluded in the period, 纠错, pending today. */
export async function caseCounts(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
): Promise<CaseRow[]> {
  const r = await sql<Record<string, unknown>>`
    select agency_id, kind,
      sum(case when filed_date >= ${from} and filed_date <= ${to} then 1 else 0 end) as filed,
      sum(case when concluded_date >= ${from} and concluded_date <= ${to} and result <> 'pending' then 1 else 0 end) as concluded,
      sum(case when concluded_date >= ${from} and concluded_date <= ${to} and result = 'corrected' then 1 else 0 end) as corrected,
      sum(case when concluded_date >= ${from} and concluded_date <= ${to} and result = 'upheld' then 1 else 0 end) as upheld,
      sum(case when result = 'pending' then 1 else 0 end) as pending
    from disclosure_case
    where ${inAgencies('agency_id', ids)}
    group by agency_id, kind`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    kind: String(x.kind),
    filed: n(x.filed),
    concluded: n(x.concluded),
    corrected: n(x.corrected),
    upheld: n(x.upheld),
    pending: n(x.pending),
  }));
}

export interface ReportRow {
  agencyId: string;
  year: number;
  status: string;
  currentVersion: number;
  /** The latest published version's JSON (gongkai.annual-report/1), if any. */
  reportJson: string | null;
  firstPublishedOn: string | null;
}

/** The annual report records of the years, with their latest published version and first publication date. */
export async function reportRows(db: DbOrTx, ids: readonly string[] | null, years: number[]): Promise<ReportRow[]> {
  const r = await sql<Record<string, unknown>>`
    select r.agency_id, r.year, r.status, r.current_version, v.report_json, f.published_on as first_published_on
    from annual_report r
      left join annual_report_version v on v.report_id = r.id and v.version = r.current_version
      left join annual_report_version f on f.report_id = r.id and f.version = 1
    where ${inAgencies('r.agency_id', ids)} and r.year in (${sql.join(years.map((y) => sql`${y}`))})`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    year: n(x.year),
    status: String(x.status),
    currentVersion: n(x.current_version),
    reportJson: x.report_json === null || x.report_json === undefined ? null : String(x.report_json),
    firstPublishedOn:
      x.first_published_on === null || x.first_published_on === undefined ? null : String(x.first_published_on),
  }));
}
