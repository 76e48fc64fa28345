/** 第四十四条 suggestion decisions (migration 2026-11-28-03-application-suggestions). */

export interface ApplicationSuggestionTable {
  application_id: string;
  agency_id: string;
  batch_id: string;
  /** drafted (a catalog draft was started) | dismissed */
  decision: string;
  reason: string;
  catalog_item_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface ApplicationSuggestionTables {
  application_suggestion: ApplicationSuggestionTable;
}
