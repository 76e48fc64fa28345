/** 各机关: one sortable row per agency (its own records, or with every agency below it); figures drill down. */
import { Button, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AgencyStatistics, Figures, SubtreeStatistics } from '../../api/supervision.ts';
import type { DrillTarget } from './RecordsDrawer.tsx';

type Pick = (a: AgencyStatistics) => Figures;

export function AgenciesTab({ data, onDrill }: { data: SubtreeStatistics; onDrill: (t: DrillTarget) => void }) {
  const [rolled, setRolled] = useState(false);
  const pick: Pick = (a) => (rolled ? a.subtree : a.own);
  const scope = rolled ? 'subtree' : 'own';
  const drill = (metric: string, label: string, get: (f: Figures) => number) => ({
    title: label,
    key: metric,
    align: 'right' as const,
    sorter: (x: AgencyStatistics, y: AgencyStatistics) => get(pick(x)) - get(pick(y)),
    render: (_: unknown, a: AgencyStatistics) => {
      const n = get(pick(a));
      return n > 0 ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          aria-label={`${a.agency.name}${label}${n}，查看记录`}
          onClick={() => onDrill({ agencyId: a.agency.id, agencyName: a.agency.name, metric, label, scope })}
        >
          {n}
        </Button>
      ) : (
        n
      );
    },
  });
  const rate = (label: string, get: (f: Figures) => number | null) => ({
    title: label,
    key: label,
    align: 'right' as const,
    sorter: (x: AgencyStatistics, y: AgencyStatistics) => (get(pick(x)) ?? -1) - (get(pick(y)) ?? -1),
    render: (_: unknown, a: AgencyStatistics) => {
      const v = get(pick(a));
      return v === null ? '—' : `${v}%`;
    },
  });
  const columns: ColumnsType<AgencyStatistics> = [
    {
      title: '机关',
      key: 'name',
      fixed: 'left',
      width: 260,
      sorter: (x, y) => x.agency.name.localeCompare(y.agency.name, 'zh'),
      render: (_, a) => <span style={{ paddingLeft: a.agency.depth * 16 }}>{a.agency.name}</span>,
    },
    drill('received', '新收申请', (f) => f.applications.received),
    drill('closed', '办结', (f) => f.applications.closed),
    drill('open', '在办', (f) => f.applications.open),
    drill('overdueNow', '当前逾期', (f) => f.applications.overdueNow),
    drill('closedLate', '超期办结', (f) => f.applications.closedLate),
    rate('按期办结率', (f) => f.derived.onTimeRate),
    {
      title: '用时中位数/P90',
      key: 'days',
      align: 'right',
      sorter: (x, y) => (pick(x).derived.medianReplyDays ?? -1) - (pick(y).derived.medianReplyDays ?? -1),
      render: (_, a) => `${pick(a).derived.medianReplyDays ?? '—'} / ${pick(a).derived.p90ReplyDays ?? '—'}`,
    },
    drill('published', '主动公开', (f) => f.catalog.published),
    drill('publishedLate', '逾期公开', (f) => f.catalog.late),
    drill('catalogOverdueNow', '逾期未公开', (f) => f.catalog.overdueNow),
    drill('normativeUndated', '规范性文件未标注', (f) => f.catalog.normativePublic - f.catalog.normativeDated),
    drill('casesFiled', '复议诉讼', (f) => Object.values(f.cases.filed).reduce((n, v) => n + v, 0)),
    drill('casesCorrected', '纠错', (f) => f.cases.corrected),
    {
      title: `${data.period.year}年度报告`,
      key: 'report',
      sorter: (x, y) => Number(!!x.report.publishedOn) - Number(!!y.report.publishedOn),
      render: (_, a) => {
        const r = a.report;
        const tag = r.publishedOn ? (
          <Tag color={r.late ? 'orange' : 'green'}>
            {r.late ? `逾期发布 ${r.publishedOn}` : `已发布 ${r.publishedOn}`}
          </Tag>
        ) : r.state === 'overdue' ? (
          <Tag color="red">逾期未发布</Tag>
        ) : r.status ? (
          <Tag>草稿</Tag>
        ) : (
          <Tag>{r.state === 'due_soon' ? '即将到期' : '未到期'}</Tag>
        );
        return (
          <Space size={4}>
            <Tooltip title={`法定期限 ${r.deadline}（第四十九条）`}>{tag}</Tooltip>
            {r.errors > 0 ? <Tag color="red">{r.rules.join('、')}</Tag> : null}
          </Space>
        );
      },
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={rolled} onChange={setRolled} aria-label="含下级机关" />
        <span>含下级机关合计</span>
      </Space>
      <Table
        size="small"
        rowKey={(a) => a.agency.id}
        columns={columns}
        dataSource={data.agencies}
        scroll={{ x: 1900 }}
        pagination={data.agencies.length > 100 ? { pageSize: 100 } : false}
      />
    </>
  );
}
