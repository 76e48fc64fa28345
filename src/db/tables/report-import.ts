/**
 * Table types of imported annual reports (migration 2026-11-27-03-imported-reports).
 * Timestamps are ISO-8601 UTC strings; report and findings are JSON text.
 */

export interface ImportedReportTable {
  id: string;
  agency_name: string;
  agency_id: string | null;
  year: number;
  format: 'V2019' | 'V2021';
  source_file: string;
  sha256: string;
  /** gongkai.annual-report/1 */
  report_json: string;
  /** Finding[] */
  findings_json: string;
  imported_at: string;
  /** Display name of the account (or 命令行) that imported it. */
  imported_by: string | null;
}

/** The original file of an import (migration 2026-12-07-i16-01-past-reports). */
export interface ImportedReportFileTable {
  imported_report_id: string;
  file_name: string;
  media_type: string;
  size: number;
  content: Uint8Array;
}

/** An imported report published as the agency's report of its year (issue 16, 原文导入). */
export interface PastReportPublicationTable {
  id: string;
  agency_id: string;
  year: number;
  imported_report_id: string;
  /** YYYY-MM-DD: when the agency published it. */
  published_on: string;
  published_at: string;
  published_by: string | null;
}

export interface ReportImportTables {
  imported_report: ImportedReportTable;
  imported_report_file: ImportedReportFileTable;
  past_report_publication: PastReportPublicationTable;
}
