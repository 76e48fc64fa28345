/**
 * Table types of the assessment scorecard (migration 2026-12-07-i17-01-scorecard-sets): one row
 * per saved version of a subtree's indicator set for a year. Timestamps ISO-8601 UTC strings.
 */

export interface ScorecardSetTable {
  id: string;
  root_agency_id: string;
  year: number;
  version: number;
  name: string;
  /** The indicators (src/domain/supervision/scorecard.ts `Indicator[]`) as JSON. */
  indicators_json: string;
  note: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface ScorecardTables {
  scorecard_set: ScorecardSetTable;
}
