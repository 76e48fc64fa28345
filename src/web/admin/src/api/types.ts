/**
 * Types of the JSON API (/api/v1) as the admin console sees it: the server's own TypeBox schemas
 * (`Static<typeof …>` of the features' *.schemas.ts), never copies — a change on the server is a
 * type error here. Dates are ISO 8601 strings.
 */
import type { Static } from 'typebox';
import type { ProblemSchema } from '../../../../http/schemas.ts';
import type { Me as MeSchema, SessionView } from '../../../../modules/auth/auth.schemas.ts';
import type { CreatedTokenSchema, TokenSchema, TokenScopeListSchema } from '../../../../modules/auth/tokens.schemas.ts';
import type { AgencyCreateBody, AgencySchema } from '../../../../modules/agencies/agencies.schemas.ts';
import type {
  RoleSchema,
  UserCreateBody,
  UserPatchBody,
  UserSchema,
  PendingChangeSchema,
  AccountChangeSchema,
} from '../../../../modules/accounts/users.schemas.ts';
import type { AuditPageSchema, AuditVerifySchema, EventSchema } from '../../../../modules/audit/audit.schemas.ts';
import type { DashboardSchema } from '../../../../modules/dashboard/dashboard.schemas.ts';

/** The signed-in user (GET /api/v1/auth/me); `permissions` may hold keys this console does not know. */
export type Me = Static<typeof MeSchema>;
/** A role key. Names in Chinese are in lib/roles.ts and GET /api/v1/roles. */
export type RoleKey = Me['roles'][number];

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

/** Answer of login and of /auth/me. */
export type Session = Static<typeof SessionView>;

/** An agency (行政机关). */
export type Agency = Static<typeof AgencySchema>;
/** Administrative level of an agency (省 → 市 → 区县 → 部门 / 乡镇). */
export type AgencyLevel = Agency['level'];
/** Contacts of an agency's disclosure office (政府信息公开工作机构). Empty strings when unknown. */
export type AgencyContact = Agency['contact'];
/** Body of POST /api/v1/agencies; PATCH takes any part of it. */
export type AgencyInput = Static<typeof AgencyCreateBody>;

/** A role as GET /api/v1/roles lists it. */
export type Role = Static<typeof RoleSchema>;
/** An account. */
export type User = Static<typeof UserSchema>;
/** Body of POST /api/v1/users. */
export type UserCreateInput = Static<typeof UserCreateBody>;
export type PendingChange = Static<typeof PendingChangeSchema>;
/** A role grant or password reset request (GET /api/v1/account-changes). */
export type AccountChange = Static<typeof AccountChangeSchema>;
/** Body of PATCH /api/v1/users/:id. */
export type UserUpdateInput = Static<typeof UserPatchBody>;

/** An API token for machine clients; the secret itself is never listed. */
export type ApiToken = Static<typeof TokenSchema>;
/** A scope a token may be granted. */
export type TokenScope = Static<typeof TokenScopeListSchema>['items'][number];
/** Answer of POST /api/v1/tokens: the plaintext token is shown once and never again. */
export type CreatedToken = Static<typeof CreatedTokenSchema>;

/** One audit event (审计事件). */
export type AuditEvent = Static<typeof EventSchema>;
/** One page of audit events. */
export type AuditPage = Static<typeof AuditPageSchema>;
/** Answer of GET /api/v1/audit/verify. */
export type AuditVerifyResult = Static<typeof AuditVerifySchema>;
/** Result of checking one agency's hash chain. */
export type AuditChainCheck = AuditVerifyResult['chains'][number];

/** Answer of GET /api/v1/dashboard. */
export type Dashboard = Static<typeof DashboardSchema>;
/** A figure on the dashboard. */
export type DashboardCard = Dashboard['cards'][number];

/** The list envelope of the simple lists (`{ items }`), over a schema's type. */
export interface ItemList<T> {
  items: T[];
}

/**
 * An `application/problem+json` body as it may arrive: every member optional (a proxy may answer
 * instead of the server), plus extra members such as `lockedUntil`.
 */
export type Problem = Partial<Static<typeof ProblemSchema>> & { [extra: string]: unknown };
