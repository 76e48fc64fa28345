/**
 * Choosing an account's roles. The three system roles (系统管理员, 安全管理员, 审计管理员)
 * exclude each other (三员分立): once one is chosen the other two are disabled, and a form
 * rule rejects a combination that arrives anyway. The server enforces the same rule.
 */
import { Select, type FormRule } from 'antd';
import type { Role } from '../../api/types.ts';
import { conflictsWithSelection, systemRoleConflict } from '../../lib/roles.ts';

/** Form rules for a roles field. */
export const roleRules: FormRule[] = [
  { required: true, type: 'array', min: 1, message: '请至少选择一个角色' },
  {
    validator: (_, value: string[] | undefined) => {
      const conflict = systemRoleConflict(value ?? []);
      return conflict ? Promise.reject(new Error(conflict)) : Promise.resolve();
    },
  },
];

interface RoleSelectProps {
  roles: readonly Role[];
  loading?: boolean;
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** Multi-select of roles, grouped into business roles and the separated system roles. */
export function RoleSelect({ roles, loading, id, value = [], onChange }: RoleSelectProps) {
  const option = (role: Role) => ({
    value: role.key,
    label: role.name,
    title: role.description,
    disabled: conflictsWithSelection(role.key, value),
  });
  const options = [
    { label: '业务角色', options: roles.filter((r) => !r.system).map(option) },
    { label: '系统管理角色（三员分立，只能选择其一）', options: roles.filter((r) => r.system).map(option) },
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      optionFilterProp="label"
      placeholder="选择角色"
      allowClear
    />
  );
}
