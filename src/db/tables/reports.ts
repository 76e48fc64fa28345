/**
 * Table types of the annual reports the platform generates (migration 2026-11-27-07-annual-reports):
 * one record per (agency, year) with its narrative and workflow status, and one frozen
 * version per publication. Timestamps are ISO-8601 UTC strings; statutory dates YYYY-MM-DD.
 */

export interface AnnualReportTable {
  id: string;
  agency_id: string;
  year: number;
  /** 'V2019' | 'V2021' */
  format: string;
  /** Why the format differs from the year's own; null when it does not. */
  format_reason: string | null;
  /** 'draft' | 'review' | 'published' */
  status: string;
  preamble: string;
  overview: string;
  problems: string;
  other: string;
  /** The date printed under the signature (成文日期), YYYY-MM-DD; null until set or published. */
  signature_date: string | null;
  /** The latest published version, 0 before the first publication. */
  current_version: number;
  /** Why the next version is being prepared (required once a version exists). */
  revision_reason: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AnnualReportVersionTable {
  id: string;
  report_id: string;
  version: number;
  /** The frozen gongkai.annual-report/1, sections included. */
  report_json: string;
  /** The preamble as published (not part of report-json.md). */
  preamble: string;
  /** Why this version replaced the previous one; null for version 1. */
  reason: string | null;
  /** Statutory date of publication (Asia/Shanghai). */
  published_on: string;
  published_at: string;
  published_by: string | null;
  published_by_name: string;
}

export interface ReportTables {
  annual_report: AnnualReportTable;
  annual_report_version: AnnualReportVersionTable;
}
