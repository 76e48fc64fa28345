/**
 * 依申请公开: the inbox (filters: state, due soon, overdue, handler, channel, applicant type;
 * due dates coloured), staff intake of every channel, and the application page.
 */
import { useMemo, useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { applicationsApi, type ApplicationRow } from '../../api/applications.ts';
import { useAgencySelection, useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import ApplicationPage from './ApplicationPage.tsx';
import { IntakeDialog } from './IntakeDialog.tsx';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  cnDate,
  dueColour,
  OUTCOME_LABELS,
  STATE_LABELS,
  TODO_LABELS,
} from './labels.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function Inbox() {
  const { agencyId } = useAgencySelection();
  const search = useAgencySearch();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // 待办 links from the dashboard arrive as ?waiting=review; the filter stays in the address.
  const waiting = params.get('waiting') ?? undefined;
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const query = useMemo(
    () => ({ agencyId, ...filters, waiting, page, pageSize: 20 }),
    [agencyId, filters, waiting, page],
  );
  const inbox = useApiData(
    (signal) => applicationsApi.inbox(query, signal),
    [JSON.stringify(query)],
    Boolean(agencyId),
  );
  const handlers = useApiData((signal) => applicationsApi.handlers(agencyId, signal), [agencyId], Boolean(agencyId));
  const set = (key: string) => (value: string | undefined) => {
    setFilters((f) => ({ ...f, [key]: value || undefined }));
    setPage(1);
  };
  const columns: TableColumnsType<ApplicationRow> = [
    {
      title: '申请编号',
      dataIndex: 'trackingNumber',
      key: 'trackingNumber',
      render: (v: string, r) => (
        <a
          href={`/admin/applications/${r.id}${search}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/applications/${r.id}${search}`);
          }}
        >
          {v}
        </a>
      ),
    },
    {
      title: '申请人',
      key: 'applicant',
      render: (_, r) =>
        `${r.applicantName}（${APPLICANT_KIND_LABELS[r.applicantKind as keyof typeof APPLICANT_KIND_LABELS] ?? r.applicantKind}）`,
    },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked' },
    { title: '所需信息', dataIndex: 'infoSummary', key: 'infoSummary', ellipsis: true },
    {
      title: '渠道',
      key: 'channel',
      render: (_, r) => CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel,
    },
    { title: '收到申请之日', key: 'receivedDate', render: (_, r) => cnDate(r.receivedDate) },
    {
      title: '状态',
      key: 'state',
      render: (_, r) =>
        r.state === 'closed'
          ? `已办结：${OUTCOME_LABELS[r.outcome as keyof typeof OUTCOME_LABELS] ?? ''}`
          : (STATE_LABELS[r.state] ?? r.state),
    },
    {
      title: '答复期限',
      key: 'replyDue',
      render: (_, r) =>
        r.replyDue && r.state !== 'closed' ? (
          <Tag color={dueColour(r.replyDue, r.overdue)} title={r.dueRule ?? undefined}>
            {cnDate(r.replyDue)}
            {r.replyDueProvisional ? '（暂定）' : ''}
            {r.overdue ? ' 已超期' : ''}
          </Tag>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <PageHeading
        title="依申请公开"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)}>
            登记申请
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder="待办"
            style={{ width: 150 }}
            value={waiting}
            options={options(TODO_LABELS)}
            onChange={(v: string | undefined) => {
              const next = new URLSearchParams(params);
              if (v) next.set('waiting', v);
              else next.delete('waiting');
              setParams(next);
              setPage(1);
            }}
            aria-label="待办"
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 140 }}
            options={options(STATE_LABELS)}
            onChange={set('state')}
            aria-label="状态"
          />
          <Select
            allowClear
            placeholder="期限"
            style={{ width: 140 }}
            options={[
              { value: 'soon', label: '即将到期（5日内）' },
              { value: 'overdue', label: '已超期' },
            ]}
            onChange={set('due')}
            aria-label="期限"
          />
          <Select
            allowClear
            placeholder="承办人"
            style={{ width: 160 }}
            options={(handlers.data?.items ?? []).map((h) => ({ value: h.id, label: h.displayName }))}
            onChange={set('handlerId')}
            aria-label="承办人"
          />
          <Select
            allowClear
            placeholder="渠道"
            style={{ width: 160 }}
            options={options(CHANNEL_LABELS)}
            onChange={set('channel')}
            aria-label="渠道"
          />
          <Select
            allowClear
            placeholder="申请人类型"
            style={{ width: 150 }}
            options={options(APPLICANT_KIND_LABELS)}
            onChange={set('applicantKind')}
            aria-label="申请人类型"
          />
          <Input.Search
            allowClear
            placeholder="编号、申请人或内容"
            style={{ width: 240 }}
            onSearch={(v) => set('q')(v)}
            aria-label="搜索"
          />
        </Flex>
      </Card>
      {inbox.error ? <LoadError error={inbox.error} onRetry={inbox.reload} /> : null}
      <Table<ApplicationRow>
        rowKey="id"
        size="middle"
        loading={inbox.loading}
        columns={columns}
        dataSource={inbox.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: inbox.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => (inbox.data?.totalCapped ? `${n} 件以上` : `共 ${n} 件`),
        }}
      />
      <IntakeDialog
        open={intakeOpen}
        agencyId={agencyId}
        onClose={() => setIntakeOpen(false)}
        onCreated={(id) => {
          setIntakeOpen(false);
          navigate(`/applications/${id}${search}`);
        }}
      />
    </>
  );
}

/** The screen: the inbox at /admin/applications, one application at /admin/applications/:id. */
export default function ApplicationsPage() {
  return (
    <Routes>
      <Route index element={<Inbox />} />
      <Route path=":id" element={<ApplicationPage />} />
    </Routes>
  );
}
