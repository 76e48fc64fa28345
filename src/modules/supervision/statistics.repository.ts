/**
 * The supervisor's statistics as set-based SQL: each query counts the whole subtree at once,
 * grouped by agency (never one query per agency), so a province of thousands of agencies costs
 * the same handful of statements as a county. `ids` null means every agency on the platform
 * (no agency condition at all). Reviewable: the compiled SQL is snapshotted in a test.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ApplicationGroup } from '../../domain/supervision/application-counts.ts';

/** The agency condition: none for the whole platform, else `column in (…)`. */
function inAgencies(column: string, ids: readonly string[] | null): Expression<SqlBool> {
  if (ids === null) return sql<SqlBool>`1 = 1`;
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids.map((id) => sql`${id}`))})`;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * The subtree's applications in one statement, grouped by the facts the counting reads
 * (src/domain/supervision/application-counts.ts): those received or closed in the period and
 * those open today. Many applications share their facts only with themselves (the dates), so
 * this returns about one row per application of the period — read once, counted in code —
 * where counting, outcomes, reply spans and the monthly trend used to scan the table each.
 */
export async function applicationGroups(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
  today: string,
): Promise<ApplicationGroup[]> {
  // The flags are computed in a derived table so that both databases group by them by name.
  const r = await sql<Record<string, unknown>>`
    select agency_id, outcome, received_date, closed_date, open_now, overdue_now, after_due, has_reasons, has_basis,
      count(*) as n
    from (
      select agency_id, outcome, received_date, closed_date,
        case when state <> 'closed' then 1 else 0 end as open_now,
        case when state <> 'closed' and reply_due < ${today} then 1 else 0 end as overdue_now,
        case when reply_due is not null and closed_date > reply_due then 1 else 0 end as after_due,
        case when coalesce(decision_reasons, '') <> '' then 1 else 0 end as has_reasons,
        case when coalesce(decision_basis, '') <> '' then 1 else 0 end as has_basis
      from application
      where kind = 'disclosure' and ${inAgencies('agency_id', ids)}
        and (state <> 'closed'
          or (received_date >= ${from} and received_date <= ${to})
          or (closed_date >= ${from} and closed_date <= ${to}))
    ) f
    group by agency_id, outcome, received_date, closed_date, open_now, overdue_now, after_due, has_reasons, has_basis`.execute(
    db,
  );
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    outcome: x.outcome === null || x.outcome === undefined ? null : String(x.outcome),
    receivedDate: x.received_date === null || x.received_date === undefined ? null : String(x.received_date),
    closedDate: x.closed_date === null || x.closed_date === undefined ? null : String(x.closed_date),
    open: n(x.open_now) === 1,
    overdueNow: n(x.overdue_now) === 1,
    closedAfterDue: n(x.after_due) === 1,
    hasReasons: n(x.has_reasons) === 1,
    hasBasis: n(x.has_basis) === 1,
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

export interface CatalogRow {
  agencyId: string;
  /** The statutory item of the items published in the period; null for the agency's other items. */
  statutoryItem: string | null;
  /** Published in the period (and still published), with 第二十六条 timeliness. */
  published: number;
  onTime: number;
  late: number;
  interpretations: number;
  normative: number;
  /** Today's state: drafts past their 第二十六条 due date; 规章/规范性文件 and their validity marks. */
  overdueNow: number;
  normativePublic: number;
  normativeInForce: number;
  normativeEnded: number;
  normativeDated: number;
}

/**
 * 主动公开 in one statement: per agency, the items published in the period by statutory item
 * (with 第二十六条 timeliness), and today's state of every item not withdrawn — one group per
 * agency and item published in the period plus one for the rest, so an agency's today-figures are
 * the sum over its rows.
 */
export async function catalogCounts(
  db: DbOrTx,
  ids: readonly string[] | null,
  from: string,
  to: string,
  today: string,
): Promise<CatalogRow[]> {
  const r = await sql<Record<string, unknown>>`
    select agency_id, item,
      sum(case when item is not null then 1 else 0 end) as n,
      sum(case when item is not null and published_on <= due_on then 1 else 0 end) as on_time,
      sum(case when item is not null and published_on > due_on then 1 else 0 end) as late,
      sum(case when item is not null and doc_type = 'policy_interpretation' then 1 else 0 end) as interpretations,
      sum(case when item is not null and doc_type in ('rule', 'normative') then 1 else 0 end) as normative,
      sum(case when status <> 'published' and due_on < ${today} then 1 else 0 end) as overdue_now,
      sum(case when status = 'published' and doc_type in ('rule', 'normative') then 1 else 0 end) as normative_public,
      sum(case when status = 'published' and doc_type in ('rule', 'normative')
        and (ended_as is null or ended_on is null or ended_on > ${today}) then 1 else 0 end) as in_force,
      sum(case when status = 'published' and doc_type in ('rule', 'normative')
        and ended_as is not null and ended_on <= ${today} then 1 else 0 end) as ended,
      sum(case when status = 'published' and doc_type in ('rule', 'normative') and effective_on is not null then 1 else 0 end) as dated
    from (
      select agency_id, status, doc_type, published_on, due_on, ended_as, ended_on, effective_on,
        case when status = 'published' and published_on >= ${from} and published_on <= ${to}
          then statutory_item end as item
      from catalog_item
      where ${inAgencies('agency_id', ids)} and status <> 'withdrawn'
    ) c
    group by agency_id, item`.execute(db);
  return r.rows.map((x) => ({
    agencyId: String(x.agency_id),
    statutoryItem: x.item === null || x.item === undefined ? null : String(x.item),
    published: n(x.n),
    onTime: n(x.on_time),
    late: n(x.late),
    interpretations: n(x.interpretations),
    normative: n(x.normative),
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
