/**
 * Which role may do what. One table for the whole product (STYLE.md rule 11); feature issues add
 * their permissions here.
 */
import type { Role } from '../domain/accounts.ts';

export const PERMISSIONS = [
  'dashboard.read',
  'agencies.read',
  'agencies.manage',
  'users.read',
  'users.manage',
  'users.unlock',
  'account_changes.read',
  'account_changes.approve',
  'tokens.manage',
  'audit.read',
  'calendar.read',
  'calendar.manage',
  ...([
    'catalog.read',
    'catalog.edit',
    'catalog.review',
    'catalog.approve',
    'catalog.figures',
    'catalog.settings',
  ] as const),
  ...([
    'applications.read',
    'applications.register',
    'applications.handle',
    'applications.approve',
    'applications.review',
  ] as const),
  ...([
    'cases.read',
    'cases.manage',
    'complaints.read',
    'complaints.manage',
    'letters.read',
    'letters.manage',
    'outbox.read',
    'outbox.send',
  ] as const),
  ...(['reports.read', 'reports.edit', 'reports.publish', 'reports.supervise'] as const),
  ...(['report_checks.read', 'report_checks.manage'] as const),
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_STAFF: Role[] = [
  'clerk',
  'handler',
  'office_head',
  'confidentiality_reviewer',
  'approver',
  'agency_admin',
  'supervisor',
];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  clerk: ['dashboard.read', 'agencies.read', 'calendar.read'],
  handler: ['dashboard.read', 'agencies.read', 'calendar.read'],
  office_head: ['dashboard.read', 'agencies.read', 'calendar.read'],
  confidentiality_reviewer: ['dashboard.read', 'agencies.read', 'calendar.read'],
  approver: ['dashboard.read', 'agencies.read', 'calendar.read'],
  agency_admin: [
    'dashboard.read',
    'agencies.read',
    'agencies.manage',
    'users.read',
    'users.manage',
    'users.unlock',
    'calendar.read',
  ],
  supervisor: ['dashboard.read', 'agencies.read', 'calendar.read'],
  system_admin: [
    'dashboard.read',
    'agencies.read',
    'agencies.manage',
    'users.read',
    'users.manage',
    'users.unlock',
    'tokens.manage',
    'calendar.read',
    'calendar.manage',
  ],
  security_admin: ['dashboard.read', 'agencies.read', 'users.read', 'users.unlock', 'calendar.read'],
  audit_admin: ['dashboard.read', 'agencies.read', 'audit.read', 'calendar.read'],
};
// 主动公开 (docs/catalog.md): drafting, 保密审查, 发布审核, the 第二十条 figures and the column's settings.
Object.entries({
  clerk: ['catalog.read', 'catalog.edit'],
  handler: ['catalog.read', 'catalog.edit'],
  office_head: ['catalog.read', 'catalog.edit', 'catalog.approve', 'catalog.figures', 'catalog.settings'],
  confidentiality_reviewer: ['catalog.read', 'catalog.review'],
  approver: ['catalog.read', 'catalog.approve'],
  agency_admin: ['catalog.read', 'catalog.figures', 'catalog.settings'],
  supervisor: ['catalog.read'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

// 依申请公开 (docs/applications.md): 登记员 registers, 承办人 handles, the office head approves and signs off, 保密审查员 reviews before release.
Object.entries({
  clerk: ['applications.read', 'applications.register'],
  handler: ['applications.read', 'applications.handle'],
  office_head: ['applications.read', 'applications.register', 'applications.handle', 'applications.approve'],
  confidentiality_reviewer: ['applications.read', 'applications.review'],
  supervisor: ['applications.read'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

// 复议/诉讼 register and 投诉、举报 (docs/cases.md: the supervisor handles complaints, the agency reads its own), letter templates and the outbox (docs/letters.md).
Object.entries({
  clerk: ['cases.read', 'cases.manage', 'complaints.read', 'letters.read', 'outbox.read', 'outbox.send'],
  handler: ['cases.read', 'cases.manage', 'complaints.read', 'letters.read', 'outbox.read', 'outbox.send'],
  office_head: [
    'cases.read',
    'cases.manage',
    'complaints.read',
    'letters.read',
    'letters.manage',
    'outbox.read',
    'outbox.send',
  ],
  agency_admin: ['letters.read', 'letters.manage'],
  supervisor: ['cases.read', 'complaints.read', 'complaints.manage', 'letters.read', 'outbox.read'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

// 年度报告 (docs/reports.md): the office head edits and submits, the approver publishes (发布审核), the supervisor oversees its subtree.
Object.entries({
  clerk: ['reports.read'],
  handler: ['reports.read'],
  office_head: ['reports.read', 'reports.edit'],
  confidentiality_reviewer: ['reports.read'],
  approver: ['reports.read', 'reports.publish'],
  agency_admin: ['reports.read'],
  supervisor: ['reports.read', 'reports.supervise'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

// 年报体检 (docs/report-import.md): supervising offices, office heads and the system administrator import published reports and check them.
Object.entries({
  supervisor: ['report_checks.read', 'report_checks.manage'],
  office_head: ['report_checks.read', 'report_checks.manage'],
  system_admin: ['report_checks.read', 'report_checks.manage'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

// 三员分立 (docs/security.md): the security administrator approves role grants and password resets;
// the audit administrator and whoever asks for them see them.
Object.entries({
  security_admin: ['account_changes.read', 'account_changes.approve'],
  audit_admin: ['account_changes.read'],
  system_admin: ['account_changes.read'],
  agency_admin: ['account_changes.read'],
} satisfies Partial<Record<Role, Permission[]>>).forEach(([role, granted]) =>
  ROLE_PERMISSIONS[role as Role].push(...granted),
);

/** Scopes an API token may carry: read-only access for machine clients. */
export const TOKEN_SCOPES: Array<{ key: Permission; name: string }> = [
  { key: 'agencies.read', name: '读取机构信息' },
  { key: 'dashboard.read', name: '读取工作台统计' },
  { key: 'calendar.read', name: '读取节假日安排' },
];

/** Roles whose reach is the whole platform rather than their own agency. */
export const PLATFORM_ROLES: Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export { ALL_STAFF };
