/**
 * 审计日志: the append-only audit trail, newest first, filtered and paged by cursor; each row
 * opens to the record before and after and its hash; 校验 checks the hash chains.
 * Nothing here can change an event.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { AuditEvent } from '../../api/types.ts';
import { AGENCY_PARAM, useAgencySelection } from '../../layout/AgencyContext.tsx';
import { EMPTY, formatDateTime } from '../../lib/format.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { AuditEventDetail } from './AuditEventDetail.tsx';
import { AuditFilters, auditQuery, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditVerifyDialog } from './AuditVerifyDialog.tsx';

const PAGE_SIZES = [20, 50, 100];

const columns: TableColumnsType<AuditEvent> = [
  { title: '序号', dataIndex: 'seq', key: 'seq', width: 80 },
  { title: '时间', key: 'at', render: (_, e) => formatDateTime(e.at), width: 170 },
  { title: '机构', key: 'agencyName', render: (_, e) => e.agencyName ?? '系统' },
  { title: '操作人', dataIndex: 'actorName', key: 'actorName' },
  { title: '动作', key: 'action', render: (_, e) => <Typography.Text code>{e.action}</Typography.Text> },
  { title: '对象类型', dataIndex: 'subjectType', key: 'subjectType' },
  { title: '摘要', dataIndex: 'summary', key: 'summary' },
  { title: '来源地址', key: 'clientIp', render: (_, e) => e.clientIp ?? EMPTY },
];

/** The audit screen. */
export default function AuditPage() {
  const { agencies } = useAgencySelection();
  const [params] = useSearchParams();
  // An agency chosen in the top bar narrows the first view; otherwise the whole reach is shown.
  const initialFilters = useMemo<AuditFilterValues>(
    () => ({ agencyId: params.get(AGENCY_PARAM) ?? undefined }),
    [params],
  );
  const [filters, setFilters] = useState<AuditFilterValues>(initialFilters);
  const [limit, setLimit] = useState(PAGE_SIZES[0] as number);
  // Cursor of each page seen so far; the first page has none. Going back pops the stack.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [verifyOpen, setVerifyOpen] = useState(false);
  const cursor = cursors[cursors.length - 1] ?? null;
  const query = useMemo(() => ({ ...auditQuery(filters), limit, cursor }), [filters, limit, cursor]);
  const page = useApiData((signal) => api.audit(query, signal), [JSON.stringify(query)]);

  const search = (values: AuditFilterValues) => {
    setFilters(values);
    setCursors([null]);
  };

  return (
    <>
      <PageHeading
        title="审计日志"
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => setVerifyOpen(true)}>
            校验
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <AuditFilters agencies={agencies} initialValues={initialFilters} onSearch={search} />
      </Card>
      {page.error ? (
        <LoadError error={page.error} onRetry={page.reload} />
      ) : (
        <Table<AuditEvent>
          rowKey={(e) => String(e.id)}
          columns={columns}
          dataSource={page.data?.items ?? []}
          loading={page.loading}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
          locale={{ emptyText: '没有符合条件的审计事件' }}
        />
      )}
      <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }} wrap>
        <Typography.Text type="secondary">第 {cursors.length} 页</Typography.Text>
        <Button disabled={cursors.length <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Button
          disabled={!page.data?.nextCursor || page.loading}
          onClick={() => {
            const next = page.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          下一页
        </Button>
        <Select
          aria-label="每页条数"
          value={limit}
          onChange={(value: number) => {
            setLimit(value);
            setCursors([null]);
          }}
          options={PAGE_SIZES.map((n) => ({ value: n, label: `每页 ${n} 条` }))}
          style={{ width: 120 }}
        />
      </Flex>
      <AuditVerifyDialog open={verifyOpen} onClose={() => setVerifyOpen(false)} />
    </>
  );
}
