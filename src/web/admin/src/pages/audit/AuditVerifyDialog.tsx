/**
 * 校验: checks every hash chain of the audit trail on the server and shows, per chain,
 * whether it is intact and otherwise the first broken event.
 */
import { Alert, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client.ts';
import type { AuditChainCheck } from '../../api/types.ts';
import { EMPTY } from '../../lib/format.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

const columns: TableColumnsType<AuditChainCheck> = [
  { title: '哈希链（机构）', dataIndex: 'agencyName', key: 'agencyName' },
  { title: '事件数', dataIndex: 'events', key: 'events', align: 'right' },
  {
    title: '状态',
    key: 'ok',
    render: (_, c) => (c.ok ? <Tag color="green">完好</Tag> : <Tag color="red">已损坏</Tag>),
  },
  { title: '首个异常事件序号', key: 'firstBrokenSeq', render: (_, c) => c.firstBrokenSeq ?? EMPTY },
  { title: '原因', key: 'reason', render: (_, c) => c.reason ?? EMPTY },
  {
    title: '链头哈希',
    key: 'headHash',
    render: (_, c) =>
      c.headHash ? (
        <Typography.Text code copyable={{ text: c.headHash }} title={c.headHash}>
          {c.headHash.slice(0, 16)}…
        </Typography.Text>
      ) : (
        EMPTY
      ),
  },
];

function VerifyResult() {
  const result = useApiData((signal) => api.verifyAudit(signal), []);
  if (result.error) return <LoadError error={result.error} onRetry={result.reload} />;
  const data = result.data;
  const broken = data?.chains.filter((c) => !c.ok).length ?? 0;
  return (
    <>
      {data ? (
        <Alert
          type={data.ok ? 'success' : 'error'}
          showIcon
          role="status"
          message={data.ok ? `全部 ${data.chains.length} 条哈希链校验通过` : `发现 ${broken} 条哈希链被篡改或截断`}
          description={data.ok ? undefined : '请保全现场并报告安全管理员；异常链从所列序号起的事件不可信。'}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<AuditChainCheck>
        rowKey={(c) => c.agencyId ?? 'system'}
        columns={columns}
        dataSource={data?.chains ?? []}
        loading={result.loading}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/** The dialog; each opening runs a fresh check. */
export function AuditVerifyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="审计日志校验" open={open} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      <VerifyResult />
    </Modal>
  );
}
