/**
 * An imported report beside the platform's: the tables the platform computes from the agency's
 * records for that year, compared cell by cell with the tables as published. The differing
 * cells are listed with their official labels and marked in the imported tables.
 */
import { Alert, Card, Table, Typography, type TableColumnsType } from 'antd';
import { reportChecksApi, type CellDifference, type CheckDetail } from '../../api/report-checks.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ReportTables } from '../reports/ReportTables.tsx';
import { CELL_MARKS } from './labels.ts';

const show = (v: number | null) => (v === null ? '（空白）' : String(v));

/** The comparison tab of one imported report (loaded when the tab is opened). */
export function ComparisonPanel({ detail }: { detail: CheckDetail }) {
  const data = useApiData((signal) => reportChecksApi.compare(detail.id, signal), [detail.id]);
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Card loading />;
  const c = data.data;
  const byWhere = new Map(c.differences.map((d) => [d.where, d]));
  const columns: TableColumnsType<CellDifference> = [
    { title: '单元格', dataIndex: 'label', key: 'label' },
    { title: '公布的报告', key: 'imported', width: 120, render: (_, d) => show(d.imported) },
    { title: '平台生成', key: 'generated', width: 120, render: (_, d) => show(d.generated) },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        与平台按{c.agency.name}的业务记录（主动公开目录、依申请公开办理记录、复议诉讼登记）计算生成的{c.year}
        年度报告逐格比对，按公布报告的格式计算。
      </Typography.Paragraph>
      {c.differences.length === 0 ? (
        <Alert
          type="success"
          showIcon
          message="表格完全一致"
          description="公布的报告与平台生成的报告三张表格的每个单元格都相同。"
          style={{ marginBottom: 16 }}
        />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            message={`有${c.differences.length}个单元格不一致`}
            style={{ marginBottom: 16 }}
          />
          <Table
            rowKey="where"
            size="small"
            columns={columns}
            dataSource={c.differences}
            pagination={false}
            style={{ marginBottom: 16 }}
          />
        </>
      )}
      <ReportTables
        report={detail.report}
        mark={(path) => {
          const d = byWhere.get(path);
          return d ? { style: CELL_MARKS.difference, title: `平台生成：${show(d.generated)}` } : undefined;
        }}
      />
    </>
  );
}
