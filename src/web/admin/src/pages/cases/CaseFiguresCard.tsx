/**
 * The year's table 四 (政府信息公开行政复议、行政诉讼情况) as the annual report will count it:
 * cases filed in the year or still pending on 1 January, in their column as of 31 December
 * (GET /api/v1/cases/figures; docs/cases.md "Counting").
 */
import { Card, Flex, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { casesApi, type CaseKind } from '../../api/cases.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { CASE_KIND_LABELS } from './labels.ts';

interface Row {
  kind: CaseKind;
  numbers: number[];
}

const HEADINGS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const columns: TableColumnsType<Row> = [
  { title: '类型', key: 'kind', render: (_, r) => CASE_KIND_LABELS[r.kind] },
  ...HEADINGS.map((title, i) => ({
    title,
    key: title,
    align: 'center' as const,
    render: (_: unknown, r: Row) => (i === 4 ? <strong>{r.numbers[i]}</strong> : r.numbers[i]),
  })),
];

/** The summary card for `agencyId`; `year` is chosen with the number box in its header. */
export function CaseFiguresCard({
  agencyId,
  year,
  onYearChange,
}: {
  agencyId: string;
  year: number;
  onYearChange: (year: number) => void;
}) {
  const figures = useApiData((signal) => casesApi.figures(agencyId, year, signal), [agencyId, year], Boolean(agencyId));
  const rows: Row[] = figures.data
    ? (Object.keys(CASE_KIND_LABELS) as CaseKind[]).map((kind) => ({ kind, numbers: figures.data!.table4[kind] }))
    : [];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex align="center" gap={8} wrap>
          <span>年度报告表四</span>
          <InputNumber
            aria-label="统计年度"
            min={2008}
            max={2100}
            value={year}
            onChange={(v) => v && onYearChange(v)}
            style={{ width: 100 }}
          />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            年
          </Typography.Text>
        </Flex>
      }
    >
      {figures.error ? (
        <LoadError error={figures.error} onRetry={figures.reload} />
      ) : (
        <>
          <Table<Row>
            rowKey="kind"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={figures.loading}
            pagination={false}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            统计当年受理的案件和上年结转至1月1日尚未审结的案件；结果按当年12月31日的状态计。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
