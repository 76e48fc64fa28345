/** 统计: the subtree's figures for the period as cards and charts. */
import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { OUTCOME_KEYS } from '../../../../../domain/report/table3-rows.ts';
import { outcomeLabel, statutoryItemLabel } from '../../../../../domain/supervision/labels.ts';
import type { SubtreeStatistics } from '../../api/supervision.ts';
import { EChart } from '../../lib/EChart.tsx';
import { InterpretationsCard } from './InterpretationsCard.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function StatisticsTab({ data }: { data: SubtreeStatistics }) {
  const t = data.total;
  const cards: Array<[string, number | string]> = [
    ['新收申请', t.applications.received],
    ['办结', t.applications.closed],
    ['当前逾期未答复', t.applications.overdueNow],
    ['超期办结', t.applications.closedLate],
    ['按期办结率', pct(t.derived.onTimeRate)],
    ['答复用时中位数/P90（工作日）', `${t.derived.medianReplyDays ?? '—'} / ${t.derived.p90ReplyDays ?? '—'}`],
    ['主动公开', t.catalog.published],
    ['第二十六条按时公开率', pct(t.derived.publicationOnTimeRate)],
    ['复议诉讼审结/纠错', `${t.cases.concluded} / ${t.cases.corrected}`],
    ['年度报告已发布/逾期', `${data.reports.published} / ${data.reports.overdue + data.reports.publishedLate}`],
  ];

  const agencyNames = useMemo(() => new Map(data.agencies.map((a) => [a.agency.id, a.agency.name])), [data]);

  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: data.months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '新收', type: 'line', data: data.months.map((m) => m.received) },
        { name: '办结', type: 'line', data: data.months.map((m) => m.closed) },
        { name: '超期办结', type: 'bar', data: data.months.map((m) => m.closedLate) },
      ],
    }),
    [data],
  );
  const outcomes = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: OUTCOME_KEYS.map((k) => ({ name: outcomeLabel(k), value: t.applications.outcomes[k] ?? 0 })).filter(
            (x) => x.value > 0,
          ),
          label: { formatter: '{b}\n{c}件', fontSize: 11 },
        },
      ],
    }),
    [t],
  );
  const onTime = useMemo(() => {
    const rows = data.agencies
      .filter((a) => a.own.applications.closed > 0 || a.own.catalog.onTime + a.own.catalog.late > 0)
      .slice(0, 40);
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 160, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((a) => a.agency.shortName || a.agency.name) },
      series: [
        { name: '按期办结率', type: 'bar', data: rows.map((a) => a.own.derived.onTimeRate) },
        { name: '第二十六条按时公开率', type: 'bar', data: rows.map((a) => a.own.derived.publicationOnTimeRate) },
      ],
    };
  }, [data]);
  const items = useMemo(() => {
    const entries = Object.entries(t.catalog.byItem).sort((a, b) => b[1] - a[1]);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 260, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => statutoryItemLabel(k)) },
      series: [{ name: '主动公开', type: 'bar', data: entries.map(([, n]) => n) }],
    };
  }, [t]);

  return (
    <>
      <Row gutter={[16, 16]}>
        {cards.map(([label, value]) => (
          <Col key={label} xs={12} md={8} xl={6} xxl={4}>
            <Card size="small">
              <Statistic title={label} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="依申请公开按月趋势">
            <EChart option={trend} label="依申请公开按月趋势图" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="办理结果（表三）">
            <EChart option={outcomes} label="办理结果分布图" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="各机关按时率">
            <EChart
              option={onTime}
              height={Math.max(240, 40 + 28 * Math.min(40, data.agencies.length))}
              label="各机关按时率图"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="主动公开（按第二十条、第二十一条法定事项）">
            <EChart option={items} label="主动公开按法定事项分布图" />
          </Card>
        </Col>
        <Col xs={24}>
          <InterpretationsCard rootId={data.root.id} year={data.period.year} agencyNames={agencyNames} />
        </Col>
      </Row>
    </>
  );
}
