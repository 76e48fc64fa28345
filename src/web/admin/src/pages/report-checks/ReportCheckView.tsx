/**
 * One imported report: its tables in the official layout with every cell a finding points at
 * marked (red for errors, amber for warnings; the messages on hover and in the list below),
 * the findings in Chinese with the official row and column, the XLSX download, and the
 * comparison with the report the platform generates.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Flex, List, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { cellsOfWhere } from '../../../../../domain/report/where.ts';
import { reportChecksApi, type CheckDetail, type LabelledFinding } from '../../api/report-checks.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ReportTables, type CellMark } from '../reports/ReportTables.tsx';
import { ComparisonPanel } from './ComparisonPanel.tsx';
import { PastReportPanel } from './PastReportPanel.tsx';
import { CELL_MARKS, FORMAT_NAMES, SEVERITY_LABELS } from './labels.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Cell path → the findings on it (a row finding covers every cell of the row). */
function marksOf(detail: CheckDetail): (path: string) => CellMark | undefined {
  const byCell = new Map<string, LabelledFinding[]>();
  const width = (table: string, row: string) =>
    table === 'table2' || table === 'table3' || table === 'table4'
      ? ((detail.report[table] as Record<string, unknown[]>)[row]?.length ?? 0)
      : 0;
  for (const f of detail.findings) {
    if (f.severity === 'info') continue;
    for (const cell of f.cells ?? cellsOfWhere(f.where, width)) byCell.set(cell, [...(byCell.get(cell) ?? []), f]);
  }
  return (path) => {
    const fs = byCell.get(path);
    if (!fs) return undefined;
    const worst = fs.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    return {
      style: CELL_MARKS[worst.severity],
      title: fs.map((f) => `${SEVERITY_LABELS[f.severity]?.text}（${f.ruleName}）：${f.message}`).join('\n'),
    };
  };
}

/** Scrolls to a marked cell and flashes the focus ring on it. */
function showCell(where: string): void {
  const cell = document.querySelector<HTMLElement>(`[data-where="${CSS.escape(where)}"]`);
  if (!cell) return;
  cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
  cell.tabIndex = -1;
  cell.focus({ preventScroll: true });
}

function Findings({ findings }: { findings: LabelledFinding[] }) {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  if (!sorted.length)
    return (
      <Typography.Paragraph>未发现问题：表格的算术关系成立，没有空白单元格，正文与表格一致。</Typography.Paragraph>
    );
  return (
    <List
      size="small"
      bordered
      dataSource={sorted}
      pagination={sorted.length > 20 ? { pageSize: 20, size: 'small' } : false}
      renderItem={(f) => (
        <List.Item>
          <Flex gap={8} align="baseline" wrap>
            <Tag color={SEVERITY_LABELS[f.severity]?.color}>{SEVERITY_LABELS[f.severity]?.text}</Tag>
            <Typography.Text type="secondary">{f.ruleName}</Typography.Text>
            {f.where.startsWith('table') ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => showCell(f.cells?.[0] ?? cellsOfWhere(f.where, () => 1)[0] ?? f.where)}
              >
                {f.label}
              </Button>
            ) : (
              <Typography.Text strong>{f.label}</Typography.Text>
            )}
            <Typography.Text>{f.message}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export default function ReportCheckView() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const search = useAgencySearch();
  const [tab, setTab] = useState('tables');
  const view = useApiData((signal) => reportChecksApi.get(id, signal), [id]);
  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  const d = view.data;
  if (!d) return <Card loading />;
  const agency = d.agencyName || '（未识别机关）';
  return (
    <>
      <PageHeading
        title={`${agency}${d.year}年政府信息公开工作年度报告（体检）`}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/report-checks${search}`)}>
              返回列表
            </Button>
            <Button icon={<DownloadOutlined />} href={reportChecksApi.exportUrl({ id: d.id })}>
              导出检查结果（XLSX）
            </Button>
            <Button onClick={() => navigate(`/report-checks/library${search}`)}>年报库与逐年比较</Button>
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'format', label: '格式', children: FORMAT_NAMES[d.format] ?? d.format },
          ...(d.detection ? [{ key: 'detection', label: '识别依据', children: d.detection }] : []),
          { key: 'file', label: '来源文件', children: d.sourceFile },
          { key: 'at', label: '导入时间', children: `${formatDateTime(d.importedAt)}（${d.importedBy ?? '—'}）` },
          {
            key: 'counts',
            label: '检查结果',
            children: `错误${d.counts.error}条，警告${d.counts.warning}条，提示${d.counts.info}条`,
          },
        ]}
      />
      <PastReportPanel detail={d} onChanged={view.reload} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tables',
            label: '表格与检查结果',
            children: (
              <>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  检查结果
                </Typography.Title>
                <Findings findings={d.findings} />
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                  表格（红框为错误，黄框为警告，鼠标悬停可见说明）
                </Typography.Title>
                <ReportTables report={d.report} mark={marksOf(d)} />
              </>
            ),
          },
          {
            key: 'compare',
            label: '与平台生成的报告比对',
            children: tab === 'compare' ? <ComparisonPanel detail={d} /> : null,
          },
        ]}
      />
    </>
  );
}
