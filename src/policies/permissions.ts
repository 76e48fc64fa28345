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
  'tokens.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_STAFF: Role[] = ['clerk', 'handler', 'office_head', 'confidentiality_reviewer', 'approver', 'agency_admin', 'supervisor'];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  clerk: ['dashboard.read', 'agencies.read'],
  handler: ['dashboard.read', 'agencies.read'],
  office_head: ['dashboard.read', 'agencies.read'],
  confidentiality_reviewer: ['dashboard.read', 'agencies.read'],
  approver: ['dashboard.read', 'agencies.read'],
  agency_admin: ['dashboard.read', 'agencies.read', 'agencies.manage', 'users.read', 'users.manage', 'users.unlock'],
  supervisor: ['dashboard.read', 'agencies.read'],
  system_admin: ['dashboard.read', 'agencies.read', 'agencies.manage', 'users.read', 'users.manage', 'users.unlock', 'tokens.manage'],
  security_admin: ['dashboard.read', 'agencies.read', 'users.read', 'users.unlock'],
  audit_admin: ['dashboard.read', 'agencies.read', 'audit.read'],
};

/** Scopes an API token may carry: read-only access for machine clients. */
export const TOKEN_SCOPES: Array<{ key: Permission; name: string }> = [
  { key: 'agencies.read', name: '读取机构信息' },
  { key: 'dashboard.read', name: '读取工作台统计' },
];

/** Roles whose reach is the whole platform rather than their own agency. */
export const PLATFORM_ROLES: Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export { ALL_STAFF };
