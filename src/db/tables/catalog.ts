/**
 * Table types of 主动公开: catalog items, their review/history records, attachments, agency
 * categories and settings, the search index (PostgreSQL; SQLite uses an FTS5 virtual table)
 * and the 权责清单 / yearly figures of 第二十条（五）（六）（八）（九）.
 */
import type { Generated } from 'kysely';

export interface CatalogItemTable {
  id: string;
  agency_id: string;
  /** 索引号 (unique per agency; null until the item is first submitted). */
  index_no: string | null;
  index_year: number | null;
  index_serial: number | null;
  title: string;
  /** 文号, e.g. 洛工信〔2020〕12号. */
  doc_number: string;
  /** 发布机构. */
  publisher: string;
  statutory_item: string;
  category_id: string | null;
  doc_type: string;
  summary: string;
  /** Sanitized HTML. */
  body_html: string;
  /** Plain text of title + body, for snippets. */
  body_text: string;
  /** 成文日期 / the day the information was formed or changed (第二十六条). */
  formed_on: string;
  special_days: number | null;
  special_basis: string | null;
  /** 第二十六条 due date, stored with the rule's explanation. */
  due_on: string;
  due_explanation: string;
  due_provisional: number;
  status: string;
  /** The instant it is (or was scheduled to be) public; null before approval. */
  published_at: string | null;
  /** The item's key in the search index (src/modules/search/index-keys.ts); null when not indexed. */
  search_key: number | null;
  /** The Asia/Shanghai date of published_at. */
  published_on: string | null;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
  /** 施行日期 (规章 and 规范性文件). */
  effective_on: string | null;
  /** How it stopped being 有效: lapsed 失效 | repealed 废止 | revised 已修订. */
  ended_as: string | null;
  ended_on: string | null;
  /** The earlier document this one revises. */
  replaces_id: string | null;
  author_id: string | null;
  author_name: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** 政策解读: the policy (catalog_item.id) it explains. */
  interprets_id: string | null;
  /** 政策解读: a link to the video 解读. */
  video_url: string | null;
  /** 政策解读: 问答, JSON [{ question, answer }]. */
  qa_json: string | null;
}

/** The workflow's records: submission, 保密审查, 审核, send-back, withdrawal, correction. */
export interface CatalogEventTable {
  id: Generated<number>;
  item_id: string;
  step: string;
  result: string;
  opinion: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
  /** For a correction: the title/body before it (JSON). */
  before_json: string | null;
  version: number;
}

export interface CatalogAttachmentTable {
  id: string;
  item_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  sort_order: number;
  created_at: string;
}

export interface CatalogCategoryTable {
  id: string;
  agency_id: string;
  name: string;
  statutory_item: string;
  sort_order: number;
  created_at: string;
}

/** Per-agency settings: 索引号 scheme, the editable 指南 and the 制度 page. */
export interface CatalogSettingsTable {
  agency_id: string;
  index_scheme: string;
  /** Organization code used in 索引号 (defaults to the platform code). */
  org_code: string;
  /** JSON: edited sections of the 政府信息公开指南. */
  guide_json: string;
  /** Sanitized HTML of the 政府信息公开制度 page. */
  rules_html: string;
  updated_at: string;
}

/**
 * The search index (src/modules/search/index-keys.ts). On PostgreSQL a table with the stored
 * tsvector (title words A, body words D, facet tokens C); on SQLite a contentless FTS5 table
 * whose rowid is the key and whose columns are title_words, body_words and facets — it is
 * written and read only with SQL in search.repository.ts, never through this type.
 */
/** PostgreSQL's search index (SQLite's is an FTS5 table written in SQL only): migration 2026-12-07-i19-01. */
export interface CatalogSearchTable {
  search_key: number;
  item_id: string;
  title_tsv: string;
  all_tsv: string;
}

/** 权责清单 figures of one kind in one year, with their source. */
export interface PowerListFigureTable {
  id: string;
  agency_id: string;
  year: number;
  kind: string;
  item_count: number | null;
  added: number | null;
  removed: number | null;
  decisions: number | null;
  source: string;
  updated_by: string;
  updated_at: string;
}

/** 政府集中采购 and fees collected in one year, with their source. */
export interface YearAmountTable {
  agency_id: string;
  year: number;
  procurement_projects: number | null;
  /** Decimal string in 元. */
  procurement_amount_yuan: string | null;
  /** Decimal string in 万元. */
  fees_collected_wan: string | null;
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface CatalogTables {
  catalog_item: CatalogItemTable;
  catalog_event: CatalogEventTable;
  catalog_attachment: CatalogAttachmentTable;
  catalog_category: CatalogCategoryTable;
  catalog_settings: CatalogSettingsTable;
  catalog_search: CatalogSearchTable;
  power_list_figure: PowerListFigureTable;
  year_amount: YearAmountTable;
}
