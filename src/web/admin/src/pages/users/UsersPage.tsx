/**
 * 用户与角色: the accounts of the chosen agency, with creating, editing (name, roles,
 * 启用/停用, 邮箱 and reminder e-mails), unlocking and resetting a password for those who may
 * manage users. E-mail addresses show masked; an account without one gets no reminder e-mails.
 */
import { useCallback, useMemo, useState } from 'react';
import { App, Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { RoleKey, User } from '../../api/types.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { EMPTY, formatDateTime, isFuture } from '../../lib/format.ts';
import { roleLabel, SYSTEM_ROLES } from '../../lib/roles.ts';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog } from './UserDialogs.tsx';

/** Roles whose holders get reminder e-mails (the handler and the office head): without an address they miss them. */
const REMINDED_ROLES: readonly RoleKey[] = ['handler', 'office_head'];

/** The users screen. */
export default function UsersPage() {
  const { can } = useAuth();
  const me = useMe();
  const { message } = App.useApp();
  const { agencyId, agency, agencies } = useAgencySelection();
  const users = useApiData((signal) => api.users(agencyId, signal), [agencyId]);
  const roles = useApiData((signal) => api.roles(signal), []);
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const canManage = can('users.manage');
  // 安全管理员 may unlock accounts without managing them.
  const canUnlock = canManage || can('users.unlock');

  const roleNames = useMemo(
    () => new Map((roles.data?.items ?? []).map((r) => [r.key as string, r.name])),
    [roles.data],
  );
  const replaceRow = useCallback(
    (saved: User) => users.setData((d) => d && { items: d.items.map((u) => (u.id === saved.id ? saved : u)) }),
    [users],
  );

  const unlock = async (user: User) => {
    try {
      replaceRow(await api.unlockUser(user.id));
      message.success(`已解锁“${user.displayName}”`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = users.data?.items ?? [];
    if (!needle) return all;
    return all.filter((u) => u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle));
  }, [users.data, filter]);

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', key: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '所属机构', dataIndex: 'agencyName', key: 'agencyName' },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) => (
        <Flex gap={4} wrap>
          {u.roles.length === 0 && u.pendingChanges.length === 0 ? EMPTY : null}
          {u.roles.map((r) => (
            <Tag key={r} color={SYSTEM_ROLES.includes(r) ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {roleNames.get(r) ?? roleLabel(r)}
            </Tag>
          ))}
          {u.pendingChanges.map((c) => (
            <Tag key={c.id} color="orange" style={{ marginInlineEnd: 0 }}>
              {c.kind === 'grant'
                ? `待批准：${(c.roles ?? []).map((r) => roleNames.get(r) ?? roleLabel(r)).join('、')}`
                : '待批准：重置密码'}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_, u) => (u.status === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
    {
      title: '锁定至',
      key: 'lockedUntil',
      render: (_, u) =>
        isFuture(u.lockedUntil) ? (
          <Typography.Text type="danger">{formatDateTime(u.lockedUntil)}</Typography.Text>
        ) : (
          EMPTY
        ),
    },
    {
      title: '邮箱',
      key: 'email',
      render: (_, u) => (
        <Flex gap={4} wrap align="center">
          {u.emailMasked ? (
            <span>{u.emailMasked}</span>
          ) : REMINDED_ROLES.some((r) => u.roles.includes(r)) ? (
            <Tag color="orange" title="收不到期限提醒邮件">
              未设置邮箱
            </Tag>
          ) : (
            <Typography.Text type="secondary">未设置</Typography.Text>
          )}
          {u.emailMasked && !u.reminderEmail ? <Tag title="本人已关闭期限提醒邮件">不收提醒邮件</Tag> : null}
        </Flex>
      ),
    },
    { title: '最近登录', key: 'lastLoginAt', render: (_, u) => formatDateTime(u.lastLoginAt) },
  ];
  if (canUnlock) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, u) => (
        <Flex gap={4} wrap>
          {canManage ? (
            <Button size="small" type="link" onClick={() => setEditing(u)} aria-label={`编辑 ${u.displayName}`}>
              编辑
            </Button>
          ) : null}
          {isFuture(u.lockedUntil) ? (
            <Button size="small" type="link" onClick={() => void unlock(u)} aria-label={`解锁 ${u.displayName}`}>
              解锁
            </Button>
          ) : null}
          {canManage ? (
            <Button
              size="small"
              type="link"
              onClick={() => setResetting(u)}
              aria-label={`申请重置 ${u.displayName} 的密码`}
            >
              申请重置密码
            </Button>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeading
        title="用户与角色"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : null
        }
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{agency?.name ?? ''}</Typography.Text>
        <Input.Search
          aria-label="按用户名或姓名筛选"
          placeholder="按用户名或姓名筛选"
          allowClear
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 260 }}
        />
      </Flex>
      {users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : (
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={users.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个用户` }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <CreateUserDialog
        open={creating}
        defaultAgencyId={agencyId}
        defaultAgencyName={agency?.name ?? me.agencyName}
        agencies={agencies}
        roles={roles.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <EditUserDialog
        user={editing}
        roles={roles.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          replaceRow(saved);
          setEditing(null);
        }}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
