/**
 * 账号变更审批 (三员分立, docs/security.md): role grants and password resets asked for by the
 * system or agency administrators. The security administrator approves or refuses them; the
 * password a change produces is shown once, to hand over to the holder in person. The audit
 * administrator and the askers see the same list without the buttons.
 */
import { useState } from 'react';
import {
  App,
  Button,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { api } from '../../api/client.ts';
import type { AccountChange } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { roleLabel } from '../../lib/roles.ts';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

const STATUS: Record<AccountChange['status'], { label: string; color: string }> = {
  pending: { label: '待批准', color: 'orange' },
  approved: { label: '已批准', color: 'green' },
  rejected: { label: '不予批准', color: 'red' },
  superseded: { label: '已被新申请取代', color: 'default' },
};

/** The approvals screen. */
export default function AccountChangesPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<AccountChange['status'] | 'all'>('pending');
  const list = useApiData((signal) => api.accountChanges(status === 'all' ? undefined : status, signal), [status]);
  const [handedOver, setHandedOver] = useState<{ change: AccountChange; password: string } | null>(null);
  const [rejecting, setRejecting] = useState<AccountChange | null>(null);
  const [note, setNote] = useState('');
  const canApprove = can('account_changes.approve');

  const approve = async (c: AccountChange) => {
    try {
      const r = await api.approveAccountChange(c.id);
      message.success(`已批准：${c.displayName}（${c.username}）`);
      if (r.password) setHandedOver({ change: r.change, password: r.password });
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const reject = async () => {
    if (!rejecting) return;
    try {
      await api.rejectAccountChange(rejecting.id, note);
      message.success('已不予批准');
      setRejecting(null);
      setNote('');
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<AccountChange> = [
    { title: '账号', key: 'user', render: (_, c) => `${c.displayName}（${c.username}）` },
    {
      title: '申请内容',
      key: 'what',
      render: (_, c) =>
        c.kind === 'grant'
          ? `${c.newAccount ? '新建账号，' : ''}角色设为 ${(c.roles ?? []).map(roleLabel).join('、')}`
          : '重置密码',
    },
    { title: '申请人', dataIndex: 'requestedByName', key: 'requestedByName' },
    { title: '申请时间', key: 'requestedAt', render: (_, c) => formatDateTime(c.requestedAt) },
    {
      title: '状态',
      key: 'status',
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS[c.status].color}>{STATUS[c.status].label}</Tag>
          {c.decidedByName ? (
            <Typography.Text type="secondary">
              {c.decidedByName} {formatDateTime(c.decidedAt)}
              {c.note ? `：${c.note}` : ''}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...(canApprove
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, c: AccountChange) =>
              c.status === 'pending' ? (
                <Flex gap={4}>
                  <Popconfirm
                    title="批准申请"
                    description="批准后立即生效；如生成密码，只显示一次，请当面交付本人。"
                    okText="批准"
                    cancelText="取消"
                    onConfirm={() => approve(c)}
                  >
                    <Button size="small" type="link" aria-label={`批准 ${c.displayName} 的申请`}>
                      批准
                    </Button>
                  </Popconfirm>
                  <Button size="small" type="link" danger onClick={() => setRejecting(c)}>
                    不予批准
                  </Button>
                </Flex>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeading
        title="账号变更审批"
        extra={
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <Radio.Button value="pending">待批准</Radio.Button>
            <Radio.Button value="all">全部</Radio.Button>
          </Radio.Group>
        }
      />
      <Typography.Paragraph type="secondary">
        三员分立：系统管理员和机构管理员授予角色、重置密码，须经安全管理员批准后生效；批准人不能批准本人提出或涉及本人账号的申请。
      </Typography.Paragraph>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<AccountChange>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: status === 'pending' ? '没有待批准的申请' : '没有申请' }}
        />
      )}
      <Modal
        title="请当面交付密码"
        open={!!handedOver}
        onOk={() => setHandedOver(null)}
        onCancel={() => setHandedOver(null)}
        okText="已交付"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {handedOver ? (
          <>
            <Typography.Paragraph>
              {handedOver.change.displayName}（{handedOver.change.username}
              ）的密码如下，只显示这一次。本人首次登录须修改。
            </Typography.Paragraph>
            <Typography.Text code copyable style={{ fontSize: 18 }}>
              {handedOver.password}
            </Typography.Text>
          </>
        ) : null}
      </Modal>
      <Modal
        title="不予批准"
        open={!!rejecting}
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
        okText="不予批准"
        okButtonProps={{ danger: true, disabled: !note.trim() }}
      >
        <Input.TextArea
          aria-label="不予批准的理由"
          placeholder="请填写理由"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
