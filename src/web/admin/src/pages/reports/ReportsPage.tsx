/**
 * 年度报告: the list of an agency's reports by year (第四十九条 deadlines beside them), one report's
 * editor at /admin/reports/:year, and — for a supervisor — the subtree overview at
 * /admin/reports/supervision.
 */
import { useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { reportsApi, type OverviewRow, type ReportYear } from '../../api/reports.ts';
import type { Permission } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection, useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate, DUE_LABELS, STATUS_LABELS } from './labels.ts';
import ReportEditor from './ReportEditor.tsx';
import { ReportTables } from './ReportTables.tsx';

/** Report years offered: 2019 (first unified format) to last year. */
function reportYears(): number[] {
  const last = new Date().getFullYear() - 1;
  return Array.from({ length: last - 2018 }, (_, i) => last - i);
}

function ReportList() {
  const { agencyId } = useAgencySelection();
  const search = useAgencySearch();
  const navigate = useNavigate();
  const { can } = useAuth();
  const list = useApiData((signal) => reportsApi.list(agencyId, signal), [agencyId], Boolean(agencyId));
  // The years come from the server (its date in Beijing): the current year first, as a preview.
  const rows = list.data?.years ?? [];
  const columns: TableColumnsType<ReportYear> = [
    {
      title: '年度',
      dataIndex: 'year',
      key: 'year',
      render: (y: number, r) => (r.due.state === 'year_not_ended' ? `${y}年（预览）` : `${y}年`),
    },
    { title: '格式', key: 'format', render: (_, r) => (r.year <= 2020 ? '2019年格式（试行）' : '2021年格式') },
    {
      title: '状态',
      key: 'status',
      render: (_, r) =>
        r.record ? (
          <Tag color={STATUS_LABELS[r.record.status]?.color}>{STATUS_LABELS[r.record.status]?.text}</Tag>
        ) : (
          <Tag>未编制</Tag>
        ),
    },
    {
      title: '法定期限（第四十九条）',
      key: 'deadline',
      render: (_, r) => (
        <Space size={4} wrap>
          <span title={r.due.basis}>{cnDate(r.due.deadline)}</span>
          <Tag color={DUE_LABELS[r.due.state]?.color}>{DUE_LABELS[r.due.state]?.text}</Tag>
        </Space>
      ),
    },
    {
      title: '已发布版本',
      key: 'version',
      render: (_, r) => (r.record?.currentVersion ? `第${r.record.currentVersion}版` : '—'),
    },
    {
      title: '操作',
      key: 'open',
      render: (_, r) => (
        <a
          href={`/admin/reports/${r.year}${search}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/reports/${r.year}${search}`);
          }}
        >
          打开
        </a>
      ),
    },
  ];
  return (
    <>
      <PageHeading
        title="年度报告"
        extra={
          can('reports.supervise' as Permission) ? (
            <Button onClick={() => navigate(`/reports/supervision${search}`)}>下级机关发布情况</Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        年度报告的表格由本机关的业务记录计算生成，正文可在生成的草稿基础上修改。县级以上人民政府部门应于每年1月31日前、县级以上地方人民政府应于3月31日前公布上一年度报告（《条例》第四十九条）；乡镇、街道的期限按本平台设置。本年度报告可在年内预览，年度结束后方可发布。
        {rows[0] ? `本机关：${rows[0].due.basis}。` : ''}
      </Typography.Paragraph>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table
        rowKey="year"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </>
  );
}

/**
 * The subtree a supervisor oversees: the chosen agency when it has agencies under it, else the
 * top of the supervisor's reach (a 政府办 supervises its government's subtree, not itself).
 */
function useOverseenRoot(): string {
  const { agencyId, agencies } = useAgencySelection();
  if (agencies.some((a) => a.parentId === agencyId)) return agencyId;
  const visible = new Set(agencies.map((a) => a.id));
  return agencies.find((a) => !a.parentId || !visible.has(a.parentId))?.id ?? agencyId;
}

function Supervision() {
  const agencyId = useOverseenRoot();
  const years = reportYears();
  // The year is in the address (?year=2020), so the overview of a year can be bookmarked.
  const [params, setParams] = useSearchParams();
  const year = years.includes(Number(params.get('year'))) ? Number(params.get('year')) : (years[0] ?? 2019);
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });
  const data = useApiData(
    (signal) => reportsApi.supervision(agencyId, year, signal),
    [agencyId, year],
    Boolean(agencyId),
  );
  const [showAggregate, setShowAggregate] = useState(false);
  const aggregate = useApiData(
    (signal) => reportsApi.aggregate(agencyId, year, signal),
    [agencyId, year, showAggregate],
    Boolean(agencyId) && showAggregate,
  );
  const columns: TableColumnsType<OverviewRow> = [
    { title: '机关', key: 'name', render: (_, r) => r.agency.name },
    { title: '法定期限', key: 'deadline', render: (_, r) => cnDate(r.deadline) },
    {
      title: '情况',
      key: 'state',
      render: (_, r) => <Tag color={DUE_LABELS[r.state]?.color}>{DUE_LABELS[r.state]?.text}</Tag>,
    },
    {
      title: '发布日期',
      key: 'publishedOn',
      render: (_, r) => (r.publishedOn ? `${cnDate(r.publishedOn)}${r.late ? '（逾期发布）' : ''}` : '—'),
    },
    { title: '当前状态', key: 'status', render: (_, r) => (r.status ? STATUS_LABELS[r.status]?.text : '未编制') },
    { title: '版本', key: 'version', render: (_, r) => (r.version ? `第${r.version}版` : '—') },
  ];
  return (
    <>
      <PageHeading
        title="下级机关年度报告发布情况"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              style={{ width: 110 }}
            />
          </Space>
        }
      />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      <Table
        rowKey={(r) => r.agency.id}
        size="middle"
        loading={data.loading}
        columns={columns}
        dataSource={data.data?.rows ?? []}
        pagination={false}
      />
      <Card
        style={{ marginTop: 16 }}
        title="本级及下级机关汇总（按记录计算）"
        extra={showAggregate ? null : <Button onClick={() => setShowAggregate(true)}>计算汇总</Button>}
      >
        {aggregate.error ? <LoadError error={aggregate.error} onRetry={aggregate.reload} /> : null}
        {showAggregate && aggregate.loading ? <Typography.Text>正在计算…</Typography.Text> : null}
        {aggregate.data ? (
          <>
            <Typography.Paragraph type="secondary">
              汇总范围：{aggregate.data.report.includedAgencies?.map((a) => a.name).join('、')}
            </Typography.Paragraph>
            <ReportTables report={aggregate.data.report} />
          </>
        ) : null}
      </Card>
    </>
  );
}

/** The screen. */
export default function ReportsPage() {
  return (
    <Routes>
      <Route index element={<ReportList />} />
      <Route path="supervision" element={<Supervision />} />
      <Route path=":year" element={<ReportEditor />} />
    </Routes>
  );
}
