/**
 * Roles: their Chinese names and the rule of 三员分立 (separation of the three system
 * administrator roles), which the server enforces and the forms enforce again for the user.
 */
import type { RoleKey } from '../api/types.ts';

/** Chinese names, for places where GET /api/v1/roles is not loaded (the top bar). */
export const ROLE_LABELS: Record<RoleKey, string> = {
  clerk: '登记员',
  handler: '承办人',
  office_head: '政府信息公开工作机构负责人',
  confidentiality_reviewer: '保密审查员',
  approver: '审核发布员',
  agency_admin: '机构管理员',
  supervisor: '主管部门监督员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** The three separated roles: no account may hold two of them. */
export const SYSTEM_ROLES: readonly RoleKey[] = ['system_admin', 'security_admin', 'audit_admin'];

/** Chinese name of a role key, or the key itself for a role this console does not know. */
export function roleLabel(key: string): string {
  return (ROLE_LABELS as Record<string, string>)[key] ?? key;
}

/** The message to show when `roles` combines system roles, or null when the choice is allowed. */
export function systemRoleConflict(roles: readonly string[]): string | null {
  const chosen = SYSTEM_ROLES.filter((r) => roles.includes(r));
  if (chosen.length < 2) return null;
  return `三员分立：${chosen.map(roleLabel).join('、')}不能由同一账号兼任`;
}

/** Whether choosing `candidate` next to `selected` would break 三员分立 (used to disable options). */
export function conflictsWithSelection(candidate: string, selected: readonly string[]): boolean {
  if (!SYSTEM_ROLES.includes(candidate as RoleKey)) return false;
  return selected.some((r) => r !== candidate && SYSTEM_ROLES.includes(r as RoleKey));
}
