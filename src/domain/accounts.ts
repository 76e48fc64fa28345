/**
 * Accounts and roles. The three system roles are separated (三员分立, GB/T 22239 等级保护):
 * no account may hold more than one of 系统管理员, 安全管理员, 审计管理员, nor combine one of
 * them with a business role.
 */
import { ValidationError } from './errors.ts';

export const ROLES = [
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
] as const;
export type Role = (typeof ROLES)[number];

export const SYSTEM_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const ROLE_INFO: Record<Role, { name: string; description: string }> = {
  clerk: { name: '登记员', description: '登记各渠道收到的政府信息公开申请，确认收到日期' },
  handler: { name: '承办人', description: '办理申请：补正、征求意见、拟定答复' },
  office_head: { name: '政府信息公开工作机构负责人', description: '批准延期，签发答复，审定年度报告' },
  confidentiality_reviewer: { name: '保密审查员', description: '发布或提供信息前进行保密审查' },
  approver: { name: '审核发布员', description: '主动公开信息的发布审核' },
  agency_admin: { name: '机构管理员', description: '维护本机关信息和本机关工作人员账号' },
  supervisor: { name: '主管部门监督员', description: '政府信息公开工作主管部门：查看所辖机构的全部工作' },
  system_admin: { name: '系统管理员', description: '管理机构、账号和角色（三员之一）' },
  security_admin: { name: '安全管理员', description: '管理安全设置与账号锁定（三员之一）' },
  audit_admin: { name: '审计管理员', description: '查阅和校验审计日志（三员之一）' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** 三员分立: at most one system role, and a system role never combines with any other role. */
export function validateRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) throw new ValidationError({ roles: `未知角色：${unknown.join('、')}` });
  const unique = [...new Set(roles)] as Role[];
  if (unique.length === 0) throw new ValidationError({ roles: '至少选择一个角色' });
  const system = unique.filter((r) => SYSTEM_ROLES.includes(r));
  if (system.length > 0 && unique.length > 1) {
    throw new ValidationError({
      roles: '系统管理员、安全管理员、审计管理员实行“三员分立”，不得相互兼任，也不得兼任业务角色',
    });
  }
  return unique;
}

/**
 * 三员分立 as 等保 means it (GB/T 22239-2019 8.1.4.2 c/d; issue 15): no one administrator can
 * obtain a business role's powers. Whoever manages accounts (系统管理员, 机构管理员) only *asks*
 * for a role to be granted or a password to be reset; the change takes effect when a 安全保密管理员
 * (security_admin), who is neither the asker nor the account's holder, approves it. Removing roles
 * takes effect at once: it only takes power away. The operator's CLI and the demo loader act as
 * the system and are not asked (they already hold the server).
 */
export function grantNeedsApproval(before: readonly Role[], after: readonly Role[]): boolean {
  return after.some((r) => !before.includes(r));
}

export interface PasswordPolicy {
  minLength: number;
}

/**
 * Password policy: a minimum length and at least three of four character classes, and not
 * containing the username. Returns the Chinese reason, or null when acceptable.
 */
export function passwordProblem(password: string, username: string, policy: PasswordPolicy): string | null {
  if (password.length < policy.minLength) return `密码至少 ${policy.minLength} 位`;
  if (password.length > 128) return '密码不超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

export function validateUsername(username: string): string | null {
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(username)) {
    return '用户名由小写字母开头，可含小写字母、数字、点、下划线和连字符，3至32位';
  }
  return null;
}

/**
 * A staff account's e-mail address (for reminders): the grammar of the HTML standard's "valid
 * e-mail address" (what a browser's e-mail field accepts), with a dot in the domain as the
 * outbox requires, at most 254 characters (RFC 5321). Returns the Chinese reason, or null.
 */
export function emailProblem(email: string): string | null {
  if (email.length > 254) return '电子邮箱不超过 254 个字符';
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
  const valid = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${label}(?:\\.${label})+$`);
  if (!valid.test(email)) return '电子邮箱格式不正确，例如 zhangsan@example.gov.cn';
  return null;
}
