/**
 * Drill-down: the records behind a statistic (and behind a scorecard indicator's evidence), for
 * a set of agencies and a period. One named query per family, a page at a time.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

export interface RecordRow {
  kind: 'application' | 'catalog' | 'case';
  id: string;
  agencyId: string;
  /** Tracking number, 索引号 or case number. */
  reference: string;
  title: string;
  /** The date the statistic counts by. */
  date: string | null;
  /** A second date worth showing (due date, published date). */
  due: string | null;
  state: string;
}

function inAgencies(column: string, ids: readonly string[]): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids.map((id) => sql`${id}`))})`;
}

export const APPLICATION_METRICS = ['received', 'closed', 'open', 'overdueNow', 'closedLate'] as const;
export const CATALOG_METRICS = [
  'published',
  'publishedLate',
  'catalogOverdueNow',
  'normativeUndated',
  'interpretations',
] as const;
export const CASE_METRICS = ['casesFiled', 'casesCorrected', 'casesPending'] as const;

type Window = { from: string; to: string; today: string; limit: number };
const n = (v: unknown) => Number(v ?? 0);

/** Applications behind a metric (or `outcome:<key>`), newest first, with the total. */
export async function applicationRecords(
  db: DbOrTx,
  ids: readonly string[],
  metric: string,
  w: Window,
): Promise<{ total: number; rows: RecordRow[] }> {
  const { from, to, today } = w;
  let cond: Expression<SqlBool>;
  let dateCol = 'received_date';
  if (metric === 'received') cond = sql<SqlBool>`received_date >= ${from} and received_date <= ${to}`;
  else if (metric === 'closed') {
    cond = sql<SqlBool>`closed_date >= ${from} and closed_date <= ${to}`;
    dateCol = 'closed_date';
  } else if (metric === 'open') cond = sql<SqlBool>`state <> 'closed'`;
  else if (metric === 'overdueNow') cond = sql<SqlBool>`state <> 'closed' and reply_due < ${today}`;
  else if (metric === 'closedLate') {
    cond = sql<SqlBool>`closed_date >= ${from} and closed_date <= ${to} and reply_due is not null and closed_date > reply_due`;
    dateCol = 'closed_date';
  } else {
    const outcome = metric.slice('outcome:'.length);
    cond = sql<SqlBool>`closed_date >= ${from} and closed_date <= ${to} and outcome = ${outcome}`;
    dateCol = 'closed_date';
  }
  const where = sql<SqlBool>`kind = 'disclosure' and ${inAgencies('agency_id', ids)} and ${cond}`;
  const [count, rows] = await Promise.all([
    sql<{ n: unknown }>`select count(*) as n from application where ${where}`.execute(db),
    sql<Record<string, unknown>>`
      select id, agency_id, tracking_number, info_description, ${sql.ref(dateCol)} as d, reply_due, state
      from application where ${where}
      order by ${sql.ref(dateCol)} desc, tracking_number desc limit ${w.limit}`.execute(db),
  ]);
  return {
    total: n(count.rows[0]?.n),
    rows: rows.rows.map((x) => ({
      kind: 'application',
      id: String(x.id),
      agencyId: String(x.agency_id),
      reference: String(x.tracking_number),
      title: String(x.info_description).slice(0, 80),
      date: x.d === null ? null : String(x.d),
      due: x.reply_due === null ? null : String(x.reply_due),
      state: String(x.state),
    })),
  };
}

/** Catalog items behind a metric, newest first, with the total. */
export async function catalogRecords(
  db: DbOrTx,
  ids: readonly string[],
  metric: string,
  w: Window,
): Promise<{ total: number; rows: RecordRow[] }> {
  const { from, to, today } = w;
  const inPeriod = sql<SqlBool>`status = 'published' and published_on >= ${from} and published_on <= ${to}`;
  const cond =
    metric === 'published'
      ? inPeriod
      : metric === 'publishedLate'
        ? sql<SqlBool>`${inPeriod} and published_on > due_on`
        : metric === 'interpretations'
          ? sql<SqlBool>`${inPeriod} and doc_type = 'policy_interpretation'`
          : metric === 'catalogOverdueNow'
            ? sql<SqlBool>`status not in ('published', 'withdrawn') and due_on < ${today}`
            : sql<SqlBool>`status = 'published' and doc_type in ('rule', 'normative') and effective_on is null`;
  const where = sql<SqlBool>`${inAgencies('agency_id', ids)} and ${cond}`;
  const [count, rows] = await Promise.all([
    sql<{ n: unknown }>`select count(*) as n from catalog_item where ${where}`.execute(db),
    sql<Record<string, unknown>>`
      select id, agency_id, index_no, title, published_on, formed_on, due_on, status
      from catalog_item where ${where}
      order by coalesce(published_on, formed_on) desc, id limit ${w.limit}`.execute(db),
  ]);
  return {
    total: n(count.rows[0]?.n),
    rows: rows.rows.map((x) => ({
      kind: 'catalog',
      id: String(x.id),
      agencyId: String(x.agency_id),
      reference: x.index_no === null ? '' : String(x.index_no),
      title: String(x.title),
      date: x.published_on === null ? String(x.formed_on) : String(x.published_on),
      due: String(x.due_on),
      state: String(x.status),
    })),
  };
}

/** 复议/诉讼 cases behind a metric, newest first, with the total. */
export async function caseRecords(
  db: DbOrTx,
  ids: readonly string[],
  metric: string,
  w: Window,
): Promise<{ total: number; rows: RecordRow[] }> {
  const { from, to } = w;
  const cond =
    metric === 'casesFiled'
      ? sql<SqlBool>`filed_date >= ${from} and filed_date <= ${to}`
      : metric === 'casesCorrected'
        ? sql<SqlBool>`concluded_date >= ${from} and concluded_date <= ${to} and result = 'corrected'`
        : sql<SqlBool>`result = 'pending'`;
  const where = sql<SqlBool>`${inAgencies('agency_id', ids)} and ${cond}`;
  const [count, rows] = await Promise.all([
    sql<{ n: unknown }>`select count(*) as n from disclosure_case where ${where}`.execute(db),
    sql<Record<string, unknown>>`
      select id, agency_id, case_number, subject, filed_date, concluded_date, result
      from disclosure_case where ${where}
      order by filed_date desc, id limit ${w.limit}`.execute(db),
  ]);
  return {
    total: n(count.rows[0]?.n),
    rows: rows.rows.map((x) => ({
      kind: 'case',
      id: String(x.id),
      agencyId: String(x.agency_id),
      reference: String(x.case_number),
      title: String(x.subject),
      date: String(x.filed_date),
      due: x.concluded_date === null ? null : String(x.concluded_date),
      state: String(x.result),
    })),
  };
}
