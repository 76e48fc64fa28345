/**
 * Table types of the foundation: agencies, accounts, sessions, API tokens, the audit trail.
 * Booleans are stored as integers (0/1) so that one schema serves SQLite and PostgreSQL;
 * timestamps are ISO-8601 UTC strings, statutory dates 'YYYY-MM-DD' strings.
 */
import type { Generated } from 'kysely';

export interface AgencyTable {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  code: string;
  level: string;
  makes_rules: number;
  contact_address: string;
  contact_postcode: string;
  contact_hours: string;
  contact_phone: string;
  contact_fax: string;
  contact_email: string;
  created_at: string;
  updated_at: string;
}

/** One row (id 1) whose version triggers raise on every insert, delete and move of an agency (migration 2026-11-28-06). */
export interface AgencyTreeVersionTable {
  id: number;
  version: number;
}

/**
 * One row (id 1) whose version triggers raise on every change of what the public portal shows
 * (migration 2026-12-07-i20-01; src/web/portal/page-cache.ts).
 */
export interface PublicContentVersionTable {
  id: number;
  version: number;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  password_hash: string;
  status: string;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  /** Work e-mail for reminders (null: none set). */
  email: Generated<string | null>;
  /** 1: send reminder e-mails (default), 0: the user opted out. */
  reminder_email: Generated<number>;
  /** 1: the password was set by someone else (init, a reset) and must be changed at next login. */
  must_change_password: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

/** A supervisor's reach: the root of an agency subtree the user may read. */
export interface UserReachTable {
  user_id: string;
  agency_id: string;
}

export interface SessionTable {
  /** sha256 of the cookie value; the cookie itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  client_ip: string;
  user_agent: string;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  token_hash: string;
  /** JSON array of scope keys. */
  scopes: string;
  user_id: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  /** The hash chain this event belongs to: an agency id, or 'system'. */
  chain: string;
  seq: number;
  agency_id: string | null;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

/** Small key/value store for node-independent state (e.g. the last anchored audit heads). */
export interface SystemStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/**
 * Per job: who holds it and until when — while running a short lease renewed during the run,
 * afterwards until the job is next due — so each job runs once per interval across all nodes.
 */
export interface JobLeaseTable {
  name: string;
  holder: string;
  lease_until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
}

export interface FoundationTables {
  agency: AgencyTable;
  agency_tree_version: AgencyTreeVersionTable;
  public_content_version: PublicContentVersionTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_reach: UserReachTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  system_state: SystemStateTable;
  job_lease: JobLeaseTable;
}
