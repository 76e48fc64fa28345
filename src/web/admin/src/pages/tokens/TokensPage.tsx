/**
 * API 令牌: tokens for machine clients (a provincial platform, a 12345 hotline system):
 * list, create (the secret is shown once) and revoke.
 */
import { useMemo, useState } from 'react';
import { App, Button, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { ApiToken, CreatedToken } from '../../api/types.ts';
import { formatDate, formatDateTime, isFuture } from '../../lib/format.ts';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { CreateTokenDialog, TokenSecretDialog } from './TokenDialogs.tsx';

function tokenStatus(t: ApiToken) {
  if (t.revokedAt) return <Tag color="red">已吊销</Tag>;
  if (t.expiresAt && !isFuture(t.expiresAt)) return <Tag color="orange">已过期</Tag>;
  return <Tag color="green">有效</Tag>;
}

/** The tokens screen. */
export default function TokensPage() {
  const { message } = App.useApp();
  const tokens = useApiData((signal) => api.tokens(signal), []);
  const scopes = useApiData((signal) => api.tokenScopes(signal), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const scopeNames = useMemo(() => new Map((scopes.data?.items ?? []).map((s) => [s.key, s.name])), [scopes.data]);

  const revoke = async (token: ApiToken) => {
    try {
      await api.revokeToken(token.id);
      message.success(`已吊销令牌“${token.name}”`);
      tokens.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    {
      title: '权限范围',
      key: 'scopes',
      render: (_, t) => (
        <Flex gap={4} wrap>
          {t.scopes.map((s) => (
            <Tag key={s} style={{ marginInlineEnd: 0 }}>
              {scopeNames.get(s) ?? s}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: '创建时间', key: 'createdAt', render: (_, t) => formatDateTime(t.createdAt) },
    { title: '有效期至', key: 'expiresAt', render: (_, t) => (t.expiresAt ? formatDate(t.expiresAt) : '长期有效') },
    { title: '最近使用', key: 'lastUsedAt', render: (_, t) => formatDateTime(t.lastUsedAt) },
    { title: '状态', key: 'status', render: (_, t) => tokenStatus(t) },
    {
      title: '操作',
      key: 'actions',
      render: (_, t) =>
        t.revokedAt ? null : (
          <Popconfirm
            title="吊销令牌"
            description={`吊销后使用“${t.name}”的系统将立即无法访问，且不能恢复。确定吊销？`}
            okText="吊销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => revoke(t)}
          >
            <Button size="small" type="link" danger aria-label={`吊销令牌 ${t.name}`}>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeading
        title="API 令牌"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建令牌
          </Button>
        }
      />
      {tokens.error ? (
        <LoadError error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未创建令牌' }}
        />
      )}
      <CreateTokenDialog
        open={creating}
        scopes={scopes.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
          tokens.reload();
        }}
      />
      <TokenSecretDialog created={created} onClose={() => setCreated(null)} />
    </>
  );
}
