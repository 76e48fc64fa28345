/**
 * Annual report records and their published versions (tables annual_report,
 * annual_report_version). Rows become `ReportRecord` / `ReportVersion` before they leave this
 * file (STYLE.md rule 7).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { AnnualReportTable, AnnualReportVersionTable } from '../../db/tables/reports.ts';
import type { AnnualReport, NarrativeSections, ReportFormatId } from '../../domain/report/index.ts';

export type ReportStatus = 'draft' | 'review' | 'published';

export interface ReportRecord {
  id: string;
  agencyId: string;
  year: number;
  format: ReportFormatId;
  formatReason: string | null;
  status: ReportStatus;
  sections: NarrativeSections;
  signatureDate: string | null;
  currentVersion: number;
  revisionReason: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ReportVersion {
  id: string;
  reportId: string;
  version: number;
  report: AnnualReport;
  preamble: string;
  reason: string | null;
  publishedOn: string;
  publishedAt: string;
  publishedBy: string | null;
  publishedByName: string;
}

function toRecord(r: AnnualReportTable): ReportRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    format: r.format as ReportFormatId,
    formatReason: r.format_reason,
    status: r.status as ReportStatus,
    sections: { preamble: r.preamble, overview: r.overview, problems: r.problems, other: r.other },
    signatureDate: r.signature_date,
    currentVersion: r.current_version,
    revisionReason: r.revision_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function toVersion(r: AnnualReportVersionTable): ReportVersion {
  return {
    id: r.id,
    reportId: r.report_id,
    version: r.version,
    report: JSON.parse(r.report_json) as AnnualReport,
    preamble: r.preamble,
    reason: r.reason,
    publishedOn: r.published_on,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    publishedByName: r.published_by_name,
  };
}

function toRow(r: ReportRecord): AnnualReportTable {
  return {
    id: r.id,
    agency_id: r.agencyId,
    year: r.year,
    format: r.format,
    format_reason: r.formatReason,
    status: r.status,
    preamble: r.sections.preamble,
    overview: r.sections.overview,
    problems: r.sections.problems,
    other: r.sections.other,
    signature_date: r.signatureDate,
    current_version: r.currentVersion,
    revision_reason: r.revisionReason,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    updated_by: r.updatedBy,
  };
}

export async function findReport(db: DbOrTx, agencyId: string, year: number): Promise<ReportRecord | null> {
  const row = await db
    .selectFrom('annual_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findReportById(db: DbOrTx, id: string): Promise<ReportRecord | null> {
  const row = await db.selectFrom('annual_report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Records of several agencies, optionally for one year, newest year first. */
export async function listReports(db: DbOrTx, agencyIds: readonly string[], year?: number): Promise<ReportRecord[]> {
  if (agencyIds.length === 0) return [];
  let q = db
    .selectFrom('annual_report')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds]);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year', 'desc').orderBy('agency_id').execute();
  return rows.map(toRecord);
}

/**
 * Inserts the record unless one exists for (agency, year) — two clerks opening the same
 * report at once both get the one row (ON CONFLICT DO NOTHING is the same SQL on both databases).
 */
export async function insertReportIfAbsent(db: DbOrTx, r: ReportRecord): Promise<void> {
  await db
    .insertInto('annual_report')
    .values(toRow(r))
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .execute();
}

export async function updateReport(db: DbOrTx, r: ReportRecord): Promise<void> {
  const { id, agency_id: _a, year: _y, created_at: _c, ...rest } = toRow(r);
  await db.updateTable('annual_report').set(rest).where('id', '=', id).execute();
}

export async function insertVersion(db: DbOrTx, v: ReportVersion): Promise<void> {
  await db
    .insertInto('annual_report_version')
    .values({
      id: v.id,
      report_id: v.reportId,
      version: v.version,
      report_json: JSON.stringify(v.report),
      preamble: v.preamble,
      reason: v.reason,
      published_on: v.publishedOn,
      published_at: v.publishedAt,
      published_by: v.publishedBy,
      published_by_name: v.publishedByName,
    })
    .execute();
}

/** Every version of a report, oldest first. */
export async function listVersions(db: DbOrTx, reportId: string): Promise<ReportVersion[]> {
  const rows = await db
    .selectFrom('annual_report_version')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();
  return rows.map(toVersion);
}

export async function findVersion(db: DbOrTx, reportId: string, version: number): Promise<ReportVersion | null> {
  const row = await db
    .selectFrom('annual_report_version')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** The first publication date of each agency's report for `year` (the supervisor's overview). */
export async function firstPublications(
  db: DbOrTx,
  agencyIds: readonly string[],
  year: number,
): Promise<Map<string, { publishedOn: string; version: number }>> {
  const out = new Map<string, { publishedOn: string; version: number }>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('annual_report_version as v')
    .innerJoin('annual_report as r', 'r.id', 'v.report_id')
    .select(['r.agency_id', 'v.published_on', 'r.current_version'])
    .where('r.agency_id', 'in', [...agencyIds])
    .where('r.year', '=', year)
    .where('v.version', '=', 1)
    .execute();
  for (const row of rows) out.set(row.agency_id, { publishedOn: row.published_on, version: row.current_version });
  return out;
}

/** The day each year's report of one agency was first published (version 1), by year. */
export async function firstPublicationsByYear(db: DbOrTx, agencyId: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('annual_report_version as v')
    .innerJoin('annual_report as r', 'r.id', 'v.report_id')
    .select(['r.year', 'v.published_on'])
    .where('r.agency_id', '=', agencyId)
    .where('v.version', '=', 1)
    .execute();
  return new Map(rows.map((row) => [Number(row.year), row.published_on]));
}

/** Published reports of one agency, newest year first, with their latest version (the portal). */
export async function latestPublished(
  db: DbOrTx,
  agencyId: string,
): Promise<Array<{ record: ReportRecord; version: ReportVersion }>> {
  const records = await db
    .selectFrom('annual_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('current_version', '>', 0)
    .orderBy('year', 'desc')
    .execute();
  const out: Array<{ record: ReportRecord; version: ReportVersion }> = [];
  for (const r of records) {
    const v = await findVersion(db, r.id, r.current_version);
    if (v) out.push({ record: toRecord(r), version: v });
  }
  return out;
}
