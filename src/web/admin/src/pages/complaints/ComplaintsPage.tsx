/**
 * 投诉举报: for the supervising office (政府信息公开工作主管部门) the register of complaints and
 * reports about the agencies of its subtree — registering, handling steps, the result; for an
 * agency the complaints about itself, with the complainant's contact masked (docs/cases.md).
 */
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, InputNumber, Select, Table, Tag, TreeSelect, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { complaintsApi, type Complaint } from '../../api/complaints.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { AGENCY_PARAM, useAgencySelection } from '../../layout/AgencyContext.tsx';
import { buildAgencyTree } from '../../lib/agencyTree.ts';
import { formatDate } from '../../lib/format.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ComplaintDrawer } from './ComplaintDrawer.tsx';
import { COMPLAINT_KIND_LABELS, COMPLAINT_RESULT_LABELS, COMPLAINT_STATUS_LABELS, STATUS_COLOURS } from './labels.ts';
import { RegisterComplaintDialog } from './RegisterComplaintDialog.tsx';

const PAGE_SIZE = 20;

/** The register screen. */
export default function ComplaintsPage() {
  const { can } = useAuth();
  const me = useMe();
  const { agencies, canSwitch } = useAgencySelection();
  const [params] = useSearchParams();
  // Like the audit viewer: the agency filter starts from ?agency when given, else every agency in reach.
  const [agencyId, setAgencyId] = useState<string | undefined>(() => params.get(AGENCY_PARAM) ?? undefined);
  const [status, setStatus] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const tree = useMemo(() => buildAgencyTree(agencies), [agencies]);
  const query = useMemo(
    () => ({ agencyId, status, year: year ?? undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [agencyId, status, year, page],
  );
  const list = useApiData((signal) => complaintsApi.list(query, signal), [JSON.stringify(query)]);
  const canManage = can('complaints.manage');
  const registered = useCallback(
    (c: Complaint) => {
      setRegistering(false);
      list.reload();
      setOpenId(c.id);
    },
    [list],
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const columns: TableColumnsType<Complaint> = [
    { title: '收到日期', key: 'receivedDate', render: (_, c) => formatDate(c.receivedDate) },
    { title: '类型', key: 'kind', render: (_, c) => COMPLAINT_KIND_LABELS[c.kind] },
    { title: '被投诉（举报）机构', dataIndex: 'agencyName', key: 'agencyName' },
    { title: '投诉（举报）人', dataIndex: 'complainant', key: 'complainant' },
    { title: '联系方式', key: 'contact', render: (_, c) => c.contact || '—' },
    { title: '事项', dataIndex: 'subject', key: 'subject', ellipsis: true, width: 260 },
    {
      title: '状态',
      key: 'status',
      render: (_, c) => <Tag color={STATUS_COLOURS[c.status]}>{COMPLAINT_STATUS_LABELS[c.status]}</Tag>,
    },
    {
      title: '结果',
      key: 'result',
      render: (_, c) => (c.result ? `${COMPLAINT_RESULT_LABELS[c.result]}（${formatDate(c.concludedDate)}）` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <Button
          size="small"
          type="link"
          onClick={() => setOpenId(c.id)}
          aria-label={`查看 ${c.complainant} 的${COMPLAINT_KIND_LABELS[c.kind]}`}
        >
          {canManage && c.status !== 'concluded' ? '办理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title="投诉举报"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              登记投诉举报
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center">
          {canSwitch ? (
            <TreeSelect
              aria-label="被投诉机构"
              style={{ width: 280 }}
              treeData={tree}
              value={agencyId}
              onChange={filter(setAgencyId)}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              allowClear
              placeholder="全部所辖机构"
            />
          ) : null}
          <Select
            aria-label="状态"
            allowClear
            placeholder="状态"
            style={{ width: 140 }}
            value={status}
            onChange={filter(setStatus)}
            options={Object.entries(COMPLAINT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <InputNumber
            aria-label="收到年度"
            placeholder="收到年度"
            min={2008}
            max={2100}
            value={year}
            onChange={filter(setYear)}
            style={{ width: 120 }}
          />
        </Flex>
      </Card>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Complaint>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: '没有投诉、举报' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (n) => `共 ${n} 件`,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <RegisterComplaintDialog
        open={registering}
        agencies={agencies}
        ownAgencyId={me.agencyId}
        onClose={() => setRegistering(false)}
        onRegistered={registered}
      />
      <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </>
  );
}
