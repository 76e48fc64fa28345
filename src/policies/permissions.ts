/**
 * Which role may do what: one literal matrix for the whole product (STYLE.md rule 11). A feature
 * adds its permissions as rows here.
 */
import { SYSTEM_ROLES, type Role } from '../domain/accounts.ts';

/** The roles in the matrix's column order. */
const COLUMNS = [
  'clerk',
  'handler',
  'office_head',
  'confidentiality_reviewer',
  'approver',
  'agency_admin',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const satisfies readonly Role[];

const X = true;
const _ = false;
/** Fails to compile when a role is added to ROLES but not given a column here. */
type EveryRoleHasAColumn = [Exclude<Role, (typeof COLUMNS)[number]>] extends [never] ? true : never;
const _everyRoleHasAColumn: EveryRoleHasAColumn = true;
type Row = readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];

/**
 * THE MATRIX: one row per permission, one column per role (X = granted). 三员分立: the three
 * system roles (right) hold no business permission (docs/security.md). Read with docs/catalog.md
 * (主动公开), docs/applications.md (依申请公开), docs/cases.md, docs/letters.md, docs/reports.md and
 * docs/report-import.md (年报体检).
 */
// prettier-ignore
const MATRIX = {
  //                        clerk handler head review approver admin supervisor | system security audit
  'dashboard.read':         [X,  X,  X,  X,  X,  X,  X,  X,  X,  X],
  'agencies.read':          [X,  X,  X,  X,  X,  X,  X,  X,  X,  X],
  'agencies.manage':        [_,  _,  _,  _,  _,  X,  _,  X,  _,  _],
  'users.read':             [_,  _,  _,  _,  _,  X,  _,  X,  X,  _],
  'users.manage':           [_,  _,  _,  _,  _,  X,  _,  X,  _,  _],
  'users.unlock':           [_,  _,  _,  _,  _,  X,  _,  X,  X,  _],
  'account_changes.read':   [_,  _,  _,  _,  _,  X,  _,  X,  X,  X],
  'account_changes.approve':[_,  _,  _,  _,  _,  _,  _,  _,  X,  _],
  'tokens.manage':          [_,  _,  _,  _,  _,  _,  _,  X,  _,  _],
  'audit.read':             [_,  _,  _,  _,  _,  _,  _,  _,  _,  X],
  'calendar.read':          [X,  X,  X,  X,  X,  X,  X,  X,  X,  X],
  'calendar.manage':        [_,  _,  _,  _,  _,  _,  _,  X,  _,  _],
  'catalog.read':           [X,  X,  X,  X,  X,  X,  X,  _,  _,  _],
  'catalog.edit':           [X,  X,  X,  _,  _,  _,  _,  _,  _,  _],
  'catalog.review':         [_,  _,  _,  X,  _,  _,  _,  _,  _,  _],
  'catalog.approve':        [_,  _,  X,  _,  X,  _,  _,  _,  _,  _],
  'catalog.figures':        [_,  _,  X,  _,  _,  X,  _,  _,  _,  _],
  'catalog.settings':       [_,  _,  X,  _,  _,  X,  _,  _,  _,  _],
  'applications.read':      [X,  X,  X,  X,  _,  _,  X,  _,  _,  _],
  'applications.register':  [X,  _,  X,  _,  _,  _,  _,  _,  _,  _],
  'applications.handle':    [_,  X,  X,  _,  _,  _,  _,  _,  _,  _],
  'applications.approve':   [_,  _,  X,  _,  _,  _,  _,  _,  _,  _],
  'applications.review':    [_,  _,  _,  X,  _,  _,  _,  _,  _,  _],
  'cases.read':             [X,  X,  X,  _,  _,  _,  X,  _,  _,  _],
  'cases.manage':           [X,  X,  X,  _,  _,  _,  _,  _,  _,  _],
  'complaints.read':        [X,  X,  X,  _,  _,  _,  X,  _,  _,  _],
  'complaints.manage':      [_,  _,  _,  _,  _,  _,  X,  _,  _,  _],
  'letters.read':           [X,  X,  X,  _,  _,  X,  X,  _,  _,  _],
  'letters.manage':         [_,  _,  X,  _,  _,  X,  _,  _,  _,  _],
  'outbox.read':            [X,  X,  X,  _,  _,  _,  X,  _,  _,  _],
  'outbox.send':            [X,  X,  X,  _,  _,  _,  _,  _,  _,  _],
  'reports.read':           [X,  X,  X,  X,  X,  X,  X,  _,  _,  _],
  'reports.edit':           [_,  _,  X,  _,  _,  _,  _,  _,  _,  _],
  'reports.publish':        [_,  _,  _,  _,  X,  _,  _,  _,  _,  _],
  'reports.supervise':      [_,  _,  _,  _,  _,  _,  X,  _,  _,  _],
  'reports.publish_past':   [_,  _,  X,  _,  X,  _,  _,  _,  _,  _],
  'report_checks.read':     [_,  _,  X,  _,  _,  _,  X,  X,  _,  _],
  'report_checks.manage':   [_,  _,  X,  _,  _,  _,  X,  X,  _,  _],
  'supervision.read':       [_,  _,  _,  _,  _,  _,  X,  _,  _,  X],
  'supervision.manage':     [_,  _,  _,  _,  _,  _,  X,  _,  _,  _],
} as const satisfies Record<string, Row>;

export type Permission = keyof typeof MATRIX;
export const PERMISSIONS = Object.keys(MATRIX) as Permission[];

const ALL_STAFF: Role[] = COLUMNS.filter((r) => !SYSTEM_ROLES.includes(r));

/** Each role's permissions, read off the matrix. */
export const ROLE_PERMISSIONS: Record<Role, Permission[]> = Object.fromEntries(
  COLUMNS.map((role, column) => [role, PERMISSIONS.filter((p) => MATRIX[p][column])]),
) as Record<Role, Permission[]>;

/** Scopes an API token may carry: read-only access for machine clients. */
export const TOKEN_SCOPES: Array<{ key: Permission; name: string }> = [
  { key: 'agencies.read', name: '读取机构信息' },
  { key: 'dashboard.read', name: '读取工作台统计' },
  { key: 'calendar.read', name: '读取节假日安排' },
];

/** Roles whose reach is the whole platform rather than their own agency. */
export const PLATFORM_ROLES: Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export { ALL_STAFF };
