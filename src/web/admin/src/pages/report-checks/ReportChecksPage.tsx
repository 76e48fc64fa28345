/**
 * 年报体检: upload published reports of any agency, see them as agencies × years with their
 * error and warning counts, open one (/admin/report-checks/:id) to see its tables in the
 * official layout with the offending cells marked, export the findings to XLSX, and compare
 * a report with the one the platform generates from the agency's records.
 */
import { useMemo } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { reportChecksApi, type CheckSummary } from '../../api/report-checks.ts';
import type { Permission } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { AgencyReportsTable } from './AgencyReportsTable.tsx';
import ReportCheckView from './ReportCheckView.tsx';
import { ReportLibrary, YearComparisonView } from './LibraryPage.tsx';
import { UploadPanel } from './UploadPanel.tsx';

interface MatrixRow {
  agency: string;
  /** The latest import of each year. */
  byYear: Map<number, CheckSummary>;
}

/** Agencies × years; when a year was imported more than once, the latest import counts. */
function matrix(items: CheckSummary[]): { rows: MatrixRow[]; years: number[] } {
  const rows = new Map<string, MatrixRow>();
  const years = new Set<number>();
  for (const it of items) {
    const name = it.agencyName || '（未识别机关）';
    const row = rows.get(name) ?? { agency: name, byYear: new Map() };
    const prev = row.byYear.get(it.year);
    if (!prev || prev.importedAt <= it.importedAt) row.byYear.set(it.year, it);
    rows.set(name, row);
    years.add(it.year);
  }
  return { rows: [...rows.values()], years: [...years].sort((a, b) => a - b) };
}

/** One cell of the matrix: the counts, as a link to the report. */
function CountsCell({ item, onOpen }: { item: CheckSummary | undefined; onOpen: (id: string) => void }) {
  if (!item) return <Typography.Text type="secondary">—</Typography.Text>;
  const { error, warning } = item.counts;
  const label = `${item.agencyName || '（未识别机关）'}${item.year}年：错误${error}条，警告${warning}条`;
  return (
    <a
      href={`/admin/report-checks/${item.id}`}
      aria-label={label}
      onClick={(e) => {
        e.preventDefault();
        onOpen(item.id);
      }}
    >
      <Flex gap={4} wrap>
        {error ? <Tag color="error">错误 {error}</Tag> : null}
        {warning ? <Tag color="warning">警告 {warning}</Tag> : null}
        {!error && !warning ? <Tag color="success">未发现问题</Tag> : null}
      </Flex>
    </a>
  );
}

function ChecksList() {
  const navigate = useNavigate();
  const search = useAgencySearch();
  const { can } = useAuth();
  const list = useApiData((signal) => reportChecksApi.list(signal), []);
  const { rows, years } = useMemo(() => matrix(list.data?.items ?? []), [list.data]);
  const open = (id: string) => navigate(`/report-checks/${id}${search}`);
  const columns: TableColumnsType<MatrixRow> = [
    { title: '机关', dataIndex: 'agency', key: 'agency', fixed: 'left', width: 260 },
    ...years.map((y) => ({
      title: `${y}年`,
      key: String(y),
      render: (_: unknown, r: MatrixRow) => <CountsCell item={r.byYear.get(y)} onOpen={open} />,
    })),
  ];
  return (
    <>
      <PageHeading
        title="年报体检"
        extra={
          <>
            <Button onClick={() => navigate(`/report-checks/library${search}`)}>年报库与逐年比较</Button>
            <Button icon={<DownloadOutlined />} href={reportChecksApi.exportUrl()} disabled={!rows.length}>
              导出检查结果（XLSX）
            </Button>
          </>
        }
      />
      {can('report_checks.manage' as Permission) ? <UploadPanel onUploaded={list.reload} /> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <AgencyReportsTable
        intro={
          <>
            已导入{list.data?.items.length ?? 0}
            份报告。错误为表格自身的算术关系不成立（R1–R4），警告为跨年度衔接、正文与表格不一致、空白单元格等（R5–R11）。
          </>
        }
        rows={rows}
        agencyName={(r) => r.agency}
        rowKey="agency"
        loading={list.loading}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/** The screen. */
export default function ReportChecksPage() {
  return (
    <Routes>
      <Route index element={<ChecksList />} />
      <Route path="library" element={<ReportLibrary />} />
      <Route path="compare" element={<YearComparisonView />} />
      <Route path=":id" element={<ReportCheckView />} />
    </Routes>
  );
}
