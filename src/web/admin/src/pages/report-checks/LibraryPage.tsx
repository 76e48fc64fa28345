/**
 * The report library and year over year (issue 16): the stored reports grouped by agency, one
 * per year, with consecutive years offered as pairs; any two years of one agency compared —
 * the figures that moved most, every changed cell, the two reports' tables side by side with the
 * changed cells marked, the narrative's paragraphs added, removed or changed, the cross-year
 * rules (R5–R7) — and exported as DOCX or XLSX.
 */
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Flex, List, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { sectionName } from '../../../../../domain/report/compare-years.ts';
import {
  reportChecksApi,
  type CheckDetail,
  type LibraryAgency,
  type YearCellChange,
  type YearComparison,
} from '../../api/report-checks.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ReportTables } from '../reports/ReportTables.tsx';
import { AgencyReportsTable } from './AgencyReportsTable.tsx';
import { CELL_MARKS } from './labels.ts';

const show = (v: number | null) => (v === null ? '（空白）' : String(v));
const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}`);
const percent = (r: number | null) => (r === null ? '—' : `${r > 0 ? '+' : ''}${Math.round(r * 1000) / 10}%`);
const KIND = { added: '新增', removed: '删除', changed: '修改' } as const;
const KIND_COLOR = { added: 'success', removed: 'error', changed: 'processing' } as const;

/** The compare link of two stored reports. */
const compareHref = (a: string, b: string, search: string) =>
  `/report-checks/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}${search ? `&${search.slice(1)}` : ''}`;

/** One agency's row: pick two of its years and compare. */
function PickYears({ agency, onCompare }: { agency: LibraryAgency; onCompare: (a: string, b: string) => void }) {
  const years = agency.years;
  const [a, setA] = useState(years[years.length - 2]?.id);
  const [b, setB] = useState(years[years.length - 1]?.id);
  if (years.length < 2) return <Typography.Text type="secondary">只有一个年度</Typography.Text>;
  const options = years.map((y) => ({ value: y.id, label: `${y.year}年` }));
  return (
    <Flex gap={4} align="center" wrap>
      <Select
        aria-label={`${agency.agencyName}：较早的年度`}
        size="small"
        style={{ width: 96 }}
        options={options}
        value={a}
        onChange={setA}
      />
      <SwapOutlined aria-hidden />
      <Select
        aria-label={`${agency.agencyName}：较晚的年度`}
        size="small"
        style={{ width: 96 }}
        options={options}
        value={b}
        onChange={setB}
      />
      <Button size="small" type="primary" disabled={!a || !b || a === b} onClick={() => onCompare(a!, b!)}>
        比较
      </Button>
    </Flex>
  );
}

export function ReportLibrary() {
  const navigate = useNavigate();
  const search = useAgencySearch();
  const lib = useApiData((signal) => reportChecksApi.library(signal), []);
  const compare = (a: string, b: string) => navigate(compareHref(a, b, search));
  const columns: TableColumnsType<LibraryAgency> = [
    { title: '机关', dataIndex: 'agencyName', key: 'agency', width: 260 },
    {
      title: '已导入的年度',
      key: 'years',
      render: (_, g) => (
        <Flex gap={4} wrap>
          {g.years.map((y) => (
            <a
              key={y.id}
              href={`/admin/report-checks/${y.id}`}
              title={y.sourceFile}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/report-checks/${y.id}${search}`);
              }}
            >
              <Tag>{y.year}年</Tag>
            </a>
          ))}
        </Flex>
      ),
    },
    {
      title: '相邻年度',
      key: 'pairs',
      render: (_, g) =>
        g.pairs.length ? (
          <Flex gap={8} wrap>
            {g.pairs.map((p) => (
              <Button key={p.after} size="small" onClick={() => compare(p.before, p.after)}>
                比较{p.years[0]}—{p.years[1]}年
              </Button>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '任选两个年度', key: 'pick', render: (_, g) => <PickYears agency={g} onCompare={compare} /> },
  ];
  return (
    <>
      <PageHeading
        title="年报库与逐年比较"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/report-checks${search}`)}>
            返回年报体检
          </Button>
        }
      />
      {lib.error ? <LoadError error={lib.error} onRetry={lib.reload} /> : null}
      <AgencyReportsTable
        intro="已导入的年度报告按机关和年度排列（同一文件只保存一次，同一年度导入多次时以最近一次为准）。选择同一机关的两个年度进行比较。"
        rows={lib.data?.items ?? []}
        agencyName={(g) => g.agencyName}
        rowKey="agencyName"
        loading={lib.loading}
        columns={columns}
      />
    </>
  );
}

function CellTable({ cells, c }: { cells: YearCellChange[]; c: YearComparison }) {
  const columns: TableColumnsType<YearCellChange> = [
    { title: '单元格', dataIndex: 'label', key: 'label' },
    { title: `${c.before.year}年`, key: 'before', width: 100, render: (_, x) => show(x.before) },
    { title: `${c.after.year}年`, key: 'after', width: 100, render: (_, x) => show(x.after) },
    { title: '增减', key: 'change', width: 90, render: (_, x) => signed(x.change) },
    { title: '变化幅度', key: 'ratio', width: 100, render: (_, x) => percent(x.ratio) },
  ];
  return (
    <Table
      rowKey="where"
      size="small"
      columns={columns}
      dataSource={cells}
      pagination={cells.length > 50 ? { pageSize: 50, size: 'small' } : false}
      locale={{ emptyText: '表格数字没有变化' }}
    />
  );
}

/** The two reports' tables side by side, the changed cells marked in both. */
function SideBySide({ c, before, after }: { c: YearComparison; before: CheckDetail; after: CheckDetail }) {
  const byWhere = useMemo(() => new Map(c.cells.map((x) => [x.where, x])), [c]);
  const mark = (other: 'before' | 'after') => (path: string) => {
    const x = byWhere.get(path);
    if (!x) return undefined;
    const year = other === 'before' ? c.before.year : c.after.year;
    return { style: CELL_MARKS.difference, title: `${year}年：${show(x[other])}` };
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {before.year}年（{before.sourceFile}）
        </Typography.Title>
        <ReportTables report={before.report} mark={mark('after')} />
      </Col>
      <Col xs={24} xl={12}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {after.year}年（{after.sourceFile}）
        </Typography.Title>
        <ReportTables report={after.report} mark={mark('before')} />
      </Col>
    </Row>
  );
}

export function YearComparisonView() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const [tab, setTab] = useState('movers');
  const data = useApiData(
    async (signal) => {
      const [comparison, first, second] = await Promise.all([
        reportChecksApi.compareYears(a, b, signal),
        reportChecksApi.get(a, signal),
        reportChecksApi.get(b, signal),
      ]);
      const [before, after] = first.year <= second.year ? [first, second] : [second, first];
      return { comparison, before, after };
    },
    [a, b],
  );
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/report-checks/library${search}`)}>
      返回年报库
    </Button>
  );
  if (data.error)
    return (
      <>
        <PageHeading title="逐年比较" extra={back} />
        <LoadError error={data.error} onRetry={data.reload} />
      </>
    );
  if (!data.data) return <Card loading />;
  const { comparison: c, before, after } = data.data;
  return (
    <>
      <PageHeading
        title={`${c.agency}${c.before.year}年与${c.after.year}年年度报告比较`}
        extra={
          <>
            {back}
            <Button icon={<DownloadOutlined />} href={reportChecksApi.compareYearsUrl(a, b, 'docx')}>
              导出比较报告（DOCX）
            </Button>
            <Button icon={<DownloadOutlined />} href={reportChecksApi.compareYearsUrl(a, b, 'xlsx')}>
              导出比较表（XLSX）
            </Button>
          </>
        }
      />
      <Alert
        type={c.crossYear.length ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={`表格中${c.cells.length}个单元格有变化，正文${c.paragraphs.length}个段落有增删改${
          c.before.year + 1 === c.after.year
            ? c.crossYear.length
              ? `，跨年度检查发现${c.crossYear.length}处不衔接`
              : '，跨年度检查未发现问题'
            : '（两个年度不相邻，不做跨年度检查）'
        }。`}
        description={
          c.sameFormat
            ? undefined
            : `两份报告的表格格式不同（${c.before.format}、${c.after.format}），只比较两种格式共有的单元格。`
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'movers',
            label: `变化最大的数字（${c.movers.length}）`,
            children: <CellTable cells={c.movers} c={c} />,
          },
          { key: 'cells', label: `表格全部变化（${c.cells.length}）`, children: <CellTable cells={c.cells} c={c} /> },
          {
            key: 'side',
            label: '两年表格对照',
            children: tab === 'side' ? <SideBySide c={c} before={before} after={after} /> : null,
          },
          {
            key: 'text',
            label: `正文变化（${c.paragraphs.length}）`,
            children: (
              <List
                bordered
                size="small"
                dataSource={c.paragraphs}
                locale={{ emptyText: '正文没有变化' }}
                renderItem={(p) => (
                  <List.Item>
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Flex gap={8}>
                        <Tag color={KIND_COLOR[p.kind]}>{KIND[p.kind]}</Tag>
                        <Typography.Text type="secondary">
                          {sectionName(p.section as Parameters<typeof sectionName>[0])}
                        </Typography.Text>
                      </Flex>
                      {p.before ? (
                        <Typography.Text delete={p.kind === 'removed'}>
                          {c.before.year}年：{p.before}
                        </Typography.Text>
                      ) : null}
                      {p.after ? (
                        <Typography.Text>
                          {c.after.year}年：{p.after}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'rules',
            label: `跨年度检查（${c.crossYear.length}）`,
            children: c.crossYear.length ? (
              <List
                bordered
                size="small"
                dataSource={c.crossYear}
                renderItem={(f) => (
                  <List.Item>
                    <Flex gap={8} align="baseline">
                      <Tag color="warning">警告</Tag>
                      <Typography.Text>{f.message}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Paragraph>
                {c.before.year + 1 === c.after.year
                  ? '上年结转、现行有效件数和项目数量前后衔接，未发现问题。'
                  : '两个年度不相邻，不做跨年度检查。'}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </>
  );
}
