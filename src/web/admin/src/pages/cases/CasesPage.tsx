/**
 * 复议诉讼: the agency's register of 行政复议 and 行政诉讼 about its disclosure work (第五十一条),
 * with the year's table 四 as the annual report counts it, registering a case and recording its
 * conclusion (docs/cases.md).
 */
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { casesApi, type DisclosureCase } from '../../api/cases.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySearch, useAgencySelection } from '../../layout/AgencyContext.tsx';
import { EMPTY, formatDate } from '../../lib/format.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { useTrackingNumbers } from './applicationLink.tsx';
import { CaseDialog } from './CaseDialog.tsx';
import { CaseFiguresCard } from './CaseFiguresCard.tsx';
import { CASE_KIND_LABELS, CASE_RESULT_LABELS, RESULT_COLOURS } from './labels.ts';

const PAGE_SIZE = 20;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The register screen. */
export default function CasesPage() {
  const { can } = useAuth();
  const { agencyId, agency } = useAgencySelection();
  const search = useAgencySearch();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [filters, setFilters] = useState<{ kind?: string; result?: string; inYear?: boolean }>({});
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<{ open: boolean; editing: DisclosureCase | null }>({
    open: false,
    editing: null,
  });
  const query = useMemo(
    () => ({
      agencyId,
      kind: filters.kind,
      result: filters.result,
      year: filters.inYear ? year : undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    [agencyId, filters, year, page],
  );
  const cases = useApiData((signal) => casesApi.list(query, signal), [JSON.stringify(query)], Boolean(agencyId));
  const items = useMemo(() => cases.data?.items ?? [], [cases.data]);
  const trackingNumbers = useTrackingNumbers(useMemo(() => items.map((c) => c.applicationId), [items]));
  const canManage = can('cases.manage');
  const close = useCallback(() => setDialog((d) => ({ ...d, open: false })), []);
  const saved = useCallback(() => {
    setDialog((d) => ({ ...d, open: false }));
    cases.reload();
  }, [cases]);
  const set = (key: 'kind' | 'result') => (value?: string) => {
    setFilters((f) => ({ ...f, [key]: value || undefined }));
    setPage(1);
  };

  const columns: TableColumnsType<DisclosureCase> = [
    { title: '类型', key: 'kind', render: (_, c) => CASE_KIND_LABELS[c.kind] },
    { title: '案号', key: 'caseNumber', render: (_, c) => c.caseNumber || EMPTY },
    { title: '申请人或原告', dataIndex: 'party', key: 'party' },
    { title: '复议机关或法院', dataIndex: 'organ', key: 'organ' },
    {
      title: '关联申请',
      key: 'application',
      render: (_, c) =>
        c.applicationId ? (
          <Link to={`/applications/${c.applicationId}${search}`}>
            {trackingNumbers.get(c.applicationId) || '查看申请'}
          </Link>
        ) : (
          EMPTY
        ),
    },
    { title: '受理（立案）日期', key: 'filedDate', render: (_, c) => formatDate(c.filedDate) },
    {
      title: '结果',
      key: 'result',
      render: (_, c) => <Tag color={RESULT_COLOURS[c.result]}>{CASE_RESULT_LABELS[c.result]}</Tag>,
    },
    { title: '审结日期', key: 'concludedDate', render: (_, c) => formatDate(c.concludedDate) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <Button
          size="small"
          type="link"
          onClick={() => setDialog({ open: true, editing: c })}
          aria-label={`修改案件 ${c.caseNumber || c.party}`}
        >
          修改
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeading
        title="复议诉讼"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ open: true, editing: null })}>
              登记案件
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        {agency ? <Typography.Text strong>{agency.name}：</Typography.Text> : null}
        因政府信息公开工作被申请行政复议、提起行政诉讼的案件（第五十一条），计入年度报告表四。
      </Typography.Paragraph>
      <CaseFiguresCard agencyId={agencyId} year={year} onYearChange={setYear} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder="案件类型"
            aria-label="案件类型"
            style={{ width: 240 }}
            options={options(CASE_KIND_LABELS)}
            onChange={set('kind')}
          />
          <Select
            allowClear
            placeholder="结果"
            aria-label="结果"
            style={{ width: 140 }}
            options={options(CASE_RESULT_LABELS)}
            onChange={set('result')}
          />
          <Select
            aria-label="范围"
            style={{ width: 220 }}
            value={filters.inYear ? 'year' : 'all'}
            options={[
              { value: 'all', label: '全部案件' },
              { value: 'year', label: `计入${year}年报告的案件` },
            ]}
            onChange={(v) => {
              setFilters((f) => ({ ...f, inYear: v === 'year' }));
              setPage(1);
            }}
          />
        </Flex>
      </Card>
      {cases.error ? (
        <LoadError error={cases.error} onRetry={cases.reload} />
      ) : (
        <Table<DisclosureCase>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={cases.loading}
          expandable={{
            rowExpandable: (c) => !!(c.subject || c.resultNote),
            expandedRowRender: (c) => <CaseNotes c={c} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: cases.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (n) => `共 ${n} 件`,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <CaseDialog
        open={dialog.open}
        editing={dialog.editing}
        agencyId={agencyId}
        trackingNumber={dialog.editing?.applicationId ? trackingNumbers.get(dialog.editing.applicationId) : undefined}
        onClose={close}
        onSaved={saved}
      />
    </>
  );
}

function CaseNotes({ c }: { c: DisclosureCase }) {
  return (
    <>
      {c.subject ? <Typography.Paragraph style={{ margin: 0 }}>案由：{c.subject}</Typography.Paragraph> : null}
      {c.resultNote ? (
        <Typography.Paragraph style={{ margin: 0 }}>结果说明：{c.resultNote}</Typography.Paragraph>
      ) : null}
    </>
  );
}
