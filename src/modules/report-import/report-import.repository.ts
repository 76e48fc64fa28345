/**
 * Imported annual reports in the database (table imported_report). Rows are mapped to
 * `ImportedReport` objects before they leave this file (STYLE.md rule 7).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { ImportedReportTable } from '../../db/tables/report-import.ts';
import type { AnnualReport, Finding, ReportFormatId } from '../../domain/report/index.ts';

export interface ImportedReport {
  id: string;
  agencyName: string;
  agencyId: string | null;
  year: number;
  format: ReportFormatId;
  sourceFile: string;
  sha256: string;
  report: AnnualReport;
  findings: Finding[];
  importedAt: string;
  importedBy: string | null;
}

function toImported(row: ImportedReportTable): ImportedReport {
  return {
    id: row.id,
    agencyName: row.agency_name,
    agencyId: row.agency_id,
    year: row.year,
    format: row.format,
    sourceFile: row.source_file,
    sha256: row.sha256,
    report: JSON.parse(row.report_json) as AnnualReport,
    findings: JSON.parse(row.findings_json) as Finding[],
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

/**
 * Stores a report unless a report with the same sha256 is stored already (the same file
 * imported twice). Returns whether it was inserted. ON CONFLICT DO NOTHING is the same SQL on
 * SQLite and PostgreSQL.
 */
export async function insertImportedReport(db: DbOrTx, r: ImportedReport): Promise<boolean> {
  const inserted = await db
    .insertInto('imported_report')
    .values({
      id: r.id,
      agency_name: r.agencyName,
      agency_id: r.agencyId,
      year: r.year,
      format: r.format,
      source_file: r.sourceFile,
      sha256: r.sha256,
      report_json: JSON.stringify(r.report),
      findings_json: JSON.stringify(r.findings),
      imported_at: r.importedAt,
      imported_by: r.importedBy,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The stored report of a file, by its sha256. */
export async function findBySha256(db: DbOrTx, sha256: string): Promise<ImportedReport | null> {
  const row = await db.selectFrom('imported_report').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toImported(row) : null;
}

/** The latest import of an agency's report for one year (by full name). */
export async function findLatestForYear(db: DbOrTx, agencyName: string, year: number): Promise<ImportedReport | null> {
  const row = await db
    .selectFrom('imported_report')
    .selectAll()
    .where('agency_name', '=', agencyName)
    .where('year', '=', year)
    .orderBy('imported_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toImported(row) : null;
}

/** Every stored import, by agency and year (the 年报体检 list). */
export async function listImportedReports(db: DbOrTx): Promise<ImportedReport[]> {
  const rows = await db
    .selectFrom('imported_report')
    .selectAll()
    .orderBy('agency_name')
    .orderBy('year')
    .orderBy('imported_at')
    .execute();
  return rows.map(toImported);
}

/** One stored import by its id. */
export async function findImportedReport(db: DbOrTx, id: string): Promise<ImportedReport | null> {
  const row = await db.selectFrom('imported_report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImported(row) : null;
}

/** A stored import without its report (the list of the 年报体检 page): findings only, for counting. */
export type ImportedSummary = Omit<ImportedReport, 'report'>;

/** Every stored import without the report JSON, by agency, year and time of import. */
export async function listImportedSummaries(db: DbOrTx): Promise<ImportedSummary[]> {
  const rows = await db
    .selectFrom('imported_report')
    .select([
      'id',
      'agency_name',
      'agency_id',
      'year',
      'format',
      'source_file',
      'sha256',
      'findings_json',
      'imported_at',
      'imported_by',
    ])
    .orderBy('agency_name')
    .orderBy('year')
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    agencyName: row.agency_name,
    agencyId: row.agency_id,
    year: row.year,
    format: row.format,
    sourceFile: row.source_file,
    sha256: row.sha256,
    findings: JSON.parse(row.findings_json) as Finding[],
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  }));
}

/** The original file of an import, as uploaded (issue 16). */
export interface OriginalFile {
  fileName: string;
  mediaType: string;
  size: number;
  content: Buffer;
}

/** Keeps the original file of a stored import. */
export async function insertOriginal(db: DbOrTx, importedReportId: string, f: OriginalFile): Promise<void> {
  await db
    .insertInto('imported_report_file')
    .values({
      imported_report_id: importedReportId,
      file_name: f.fileName,
      media_type: f.mediaType,
      size: f.size,
      content: f.content,
    })
    .onConflict((oc) => oc.column('imported_report_id').doNothing())
    .execute();
}

/** The original file of an import, or null when it was stored before originals were kept. */
export async function findOriginal(db: DbOrTx, importedReportId: string): Promise<OriginalFile | null> {
  const row = await db
    .selectFrom('imported_report_file')
    .selectAll()
    .where('imported_report_id', '=', importedReportId)
    .executeTakeFirst();
  return row
    ? { fileName: row.file_name, mediaType: row.media_type, size: row.size, content: Buffer.from(row.content) }
    : null;
}

/** Whether each import has its original kept (for the list). */
export async function importsWithOriginal(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.selectFrom('imported_report_file').select('imported_report_id').execute();
  return new Set(rows.map((r) => r.imported_report_id));
}

/** An imported report published as an agency's report of its year. */
export interface PastPublication {
  id: string;
  agencyId: string;
  year: number;
  importedReportId: string;
  publishedOn: string;
  publishedAt: string;
  publishedBy: string | null;
}

function toPublication(r: {
  id: string;
  agency_id: string;
  year: number;
  imported_report_id: string;
  published_on: string;
  published_at: string;
  published_by: string | null;
}): PastPublication {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    importedReportId: r.imported_report_id,
    publishedOn: r.published_on,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

/** The past report published for an agency's year, if any. */
export async function findPublication(db: DbOrTx, agencyId: string, year: number): Promise<PastPublication | null> {
  const row = await db
    .selectFrom('past_report_publication')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toPublication(row) : null;
}

/** The publication of one import, if it is published. */
export async function findPublicationOf(db: DbOrTx, importedReportId: string): Promise<PastPublication | null> {
  const row = await db
    .selectFrom('past_report_publication')
    .selectAll()
    .where('imported_report_id', '=', importedReportId)
    .executeTakeFirst();
  return row ? toPublication(row) : null;
}

/** Every past report an agency has published, newest year first. */
export async function listPublications(db: DbOrTx, agencyId?: string): Promise<PastPublication[]> {
  let q = db.selectFrom('past_report_publication').selectAll();
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  const rows = await q.orderBy('year', 'desc').orderBy('agency_id').execute();
  return rows.map(toPublication);
}

/** Publishes (or replaces) the past report of an agency's year. */
export async function savePublication(db: DbOrTx, p: PastPublication): Promise<void> {
  await db
    .deleteFrom('past_report_publication')
    .where('agency_id', '=', p.agencyId)
    .where('year', '=', p.year)
    .execute();
  await db
    .insertInto('past_report_publication')
    .values({
      id: p.id,
      agency_id: p.agencyId,
      year: p.year,
      imported_report_id: p.importedReportId,
      published_on: p.publishedOn,
      published_at: p.publishedAt,
      published_by: p.publishedBy,
    })
    .execute();
}

/** Withdraws a past report from the portal. */
export async function deletePublication(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('past_report_publication').where('id', '=', id).execute();
}
