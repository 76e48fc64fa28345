/**
 * Types of the JSON API (/api/v1) as the admin console sees it. They mirror the server's
 * response schemas; dates are ISO 8601 strings.
 */

/** A role key. Names in Chinese are in lib/roles.ts and GET /api/v1/roles. */
export type RoleKey =
  | 'clerk'
  | 'handler'
  | 'office_head'
  | 'confidentiality_reviewer'
  | 'approver'
  | 'agency_admin'
  | 'supervisor'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

/** Permissions of the foundation screens (see Me.permissions). */
export type KnownPermission =
  | 'dashboard.read'
  | 'agencies.read'
  | 'agencies.manage'
  | 'users.read'
  | 'users.manage'
  | 'users.unlock'
  | 'account_changes.read'
  | 'account_changes.approve'
  | 'tokens.manage'
  | 'audit.read'
  | 'calendar.read'
  | 'calendar.manage';

/**
 * A permission key as the server names it. Features add their own (e.g. 'applications.read')
 * without touching this file; the known ones still autocomplete.
 */
export type Permission = KnownPermission | (string & Record<never, never>);

/** The signed-in user (GET /api/v1/auth/me). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  roles: RoleKey[];
  /** May hold permissions this console does not know yet; unknown ones are ignored. */
  permissions: string[];
  /** The password was set by someone else: the console shows only the password change until it is changed. */
  mustChangePassword: boolean;
}

/** Answer of login and of /auth/me. */
export interface Session {
  user: Me;
  csrfToken: string;
}

/** Administrative level of an agency (省 → 市 → 区县 → 部门 / 乡镇). */
export type AgencyLevel = 'province' | 'city' | 'county' | 'department' | 'township';

/** Contacts of an agency's disclosure office (政府信息公开工作机构). Empty strings when unknown. */
export interface AgencyContact {
  address: string;
  postcode: string;
  hours: string;
  phone: string;
  fax: string;
  email: string;
}

/** An agency (行政机关). */
export interface Agency {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string;
  code: string;
  level: AgencyLevel;
  /** Whether it may make 规章 (counts in report table 二). */
  makesRules: boolean;
  contact: AgencyContact;
}

/** Body of POST /api/v1/agencies; PATCH takes any part of it. */
export type AgencyInput = Omit<Agency, 'id'>;

/** A role as GET /api/v1/roles lists it. */
export interface Role {
  key: RoleKey;
  name: string;
  description: string;
  /** One of the three separated system roles (三员分立). */
  system: boolean;
}

/** An account. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  roles: RoleKey[];
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** The whole work e-mail address, only for those who may manage the account; otherwise null. */
  email: string | null;
  /** The address as lists show it (c***@example.gov.cn); null when none is set. */
  emailMasked: string | null;
  /** Whether the user receives reminder e-mails. */
  reminderEmail: boolean;
  /** Role grants and password resets awaiting the security administrator (三员分立). */
  pendingChanges: PendingChange[];
}

export interface PendingChange {
  id: string;
  kind: 'grant' | 'password_reset';
  roles: RoleKey[] | null;
  requestedByName: string;
  requestedAt: string;
}

/** A role grant or password reset request (GET /api/v1/account-changes). */
export interface AccountChange extends PendingChange {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  newAccount: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** Body of POST /api/v1/users. */
export interface UserCreateInput {
  username: string;
  displayName: string;
  agencyId: string;
  roles: RoleKey[];
  /** Blank = none. */
  email?: string | null;
  reminderEmail?: boolean;
}

/** Body of PATCH /api/v1/users/:id. */
export interface UserUpdateInput {
  displayName?: string;
  roles?: RoleKey[];
  status?: User['status'];
  /** Blank or null removes the address. */
  email?: string | null;
  reminderEmail?: boolean;
}

/** An API token for machine clients; the secret itself is never listed. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A scope a token may be granted. */
export interface TokenScope {
  key: string;
  name: string;
}

/** Answer of POST /api/v1/tokens: the plaintext token is shown once and never again. */
export interface CreatedToken {
  token: string;
  item: ApiToken;
}

/** One audit event (审计事件). */
export interface AuditEvent {
  id: number | string;
  seq: number;
  /** Null for events of the system chain (not tied to one agency). */
  agencyId: string | null;
  agencyName: string | null;
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
  clientIp: string | null;
  hash: string;
}

/** One page of audit events. */
export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

/** Result of checking one agency's hash chain. */
export interface AuditChainCheck {
  /** Null for the system chain. */
  agencyId: string | null;
  agencyName: string;
  events: number;
  /** Null for a chain without events. */
  headHash: string | null;
  ok: boolean;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Answer of GET /api/v1/audit/verify. */
export interface AuditVerifyResult {
  ok: boolean;
  chains: AuditChainCheck[];
}

/** A figure on the dashboard. */
export interface DashboardCard {
  key: string;
  label: string;
  value: number | string;
  hint?: string;
}

/** Answer of GET /api/v1/dashboard. */
export interface Dashboard {
  agency: Agency;
  cards: DashboardCard[];
  warnings: Array<{ code: string; message: string }>;
}

/** The usual list envelope. */
export interface ItemList<T> {
  items: T[];
}

/** An `application/problem+json` body. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  /** Field name (or path such as `contact.email`) → Chinese message. */
  errors?: Record<string, string>;
  [extra: string]: unknown;
}
