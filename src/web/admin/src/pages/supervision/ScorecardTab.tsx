/**
 * 考核: the 政务公开考核 scorecard — ranking, every indicator with its points, evidence (drill-down)
 * and advice; a supervisor adjusts the points of the year's indicator set (saved as a new version).
 */
import { Alert, Button, Card, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { supervisionApi, type Indicator, type Scorecard } from '../../api/supervision.ts';
import { EChart } from '../../lib/EChart.tsx';
import { errorMessage, LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import type { DrillTarget } from './RecordsDrawer.tsx';

type Row = Scorecard['agencies'][number];

export function ScorecardTab({
  rootId,
  year,
  canManage,
  onDrill,
}: {
  rootId: string;
  year: string;
  canManage: boolean;
  onDrill: (t: DrillTarget) => void;
}) {
  const card = useApiData((signal) => supervisionApi.scorecard(rootId, year, signal), [rootId, year]);
  const [editing, setEditing] = useState(false);
  const names = useMemo(() => new Map((card.data?.set.indicators ?? []).map((i) => [i.key, i.name])), [card.data]);
  const chart = useMemo(() => {
    const rows = (card.data?.agencies ?? []).slice(0, 40);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 200, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rank}. ${r.agency.name}`) },
      series: [{ name: '得分', type: 'bar', data: rows.map((r) => r.total), label: { show: true, position: 'right' } }],
    };
  }, [card.data]);
  if (card.error) return <LoadError error={card.error} onRetry={card.reload} />;
  const data = card.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Space wrap>
        <Typography.Text>
          指标体系：{data?.set.name ?? '…'}
          {data ? (data.set.version ? `（第${data.set.version}版，${data.set.savedBy}）` : '（默认）') : ''}
        </Typography.Text>
        <a href={supervisionApi.scorecardXlsxUrl(rootId, year)}>导出考核得分（XLSX）</a>
        {canManage && data ? (
          <Button size="small" onClick={() => setEditing(true)}>
            调整指标分值
          </Button>
        ) : null}
      </Space>
      <Card size="small" title="考核得分排名">
        <EChart
          option={chart}
          height={Math.max(240, 40 + 26 * Math.min(40, data?.agencies.length ?? 0))}
          label="考核得分排名图"
        />
      </Card>
      <Table<Row>
        size="small"
        loading={card.loading}
        rowKey={(r) => r.agency.id}
        dataSource={data?.agencies ?? []}
        pagination={(data?.agencies.length ?? 0) > 100 ? { pageSize: 100 } : false}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70, sorter: (a, b) => a.rank - b.rank },
          { title: '机关', key: 'agency', render: (_, r) => r.agency.name },
          { title: '总分', dataIndex: 'total', width: 90, align: 'right', sorter: (a, b) => a.total - b.total },
        ]}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={r.indicators}
              columns={[
                { title: '指标', key: 'name', render: (_, i) => names.get(i.key) ?? i.key },
                { title: '得分', key: 'points', align: 'right', render: (_, i) => `${i.points} / ${i.max}` },
                {
                  title: '取值',
                  key: 'value',
                  align: 'right',
                  render: (_, i) =>
                    i.value === null
                      ? '无数据'
                      : i.value <= 1 && i.value % 1 !== 0
                        ? `${Math.round(i.value * 1000) / 10}%`
                        : i.value,
                },
                {
                  title: '依据记录',
                  key: 'evidence',
                  align: 'right',
                  render: (_, i) =>
                    i.evidenceMetric && i.evidenceCount > 0 ? (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={() =>
                          onDrill({
                            agencyId: r.agency.id,
                            agencyName: r.agency.name,
                            metric: i.evidenceMetric!,
                            label: names.get(i.key) ?? i.key,
                            scope: 'own',
                          })
                        }
                      >
                        {i.evidenceCount}条
                      </Button>
                    ) : (
                      i.evidenceCount
                    ),
                },
                { title: '提升建议', dataIndex: 'advice' },
              ]}
            />
          ),
        }}
      />
      {editing && data ? (
        <WeightsDialog
          rootId={rootId}
          year={year}
          indicators={data.set.indicators}
          name={data.set.name}
          onClose={(saved) => {
            setEditing(false);
            if (saved) card.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function WeightsDialog({
  rootId,
  year,
  indicators,
  name,
  onClose,
}: {
  rootId: string;
  year: string;
  indicators: Indicator[];
  name: string;
  onClose: (saved: boolean) => void;
}) {
  const [rows, setRows] = useState(indicators.map((i) => ({ ...i })));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const total = Math.round(rows.reduce((n, r) => n + (r.weight || 0), 0) * 100) / 100;
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await supervisionApi.saveIndicators(rootId, year, { name, indicators: rows, note });
      onClose(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`调整${year}年考核指标分值`}
      onCancel={() => onClose(false)}
      onOk={save}
      okText="保存为新版本"
      confirmLoading={saving}
      width={720}
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '依据', dataIndex: 'basis', ellipsis: true },
          {
            title: '分值',
            key: 'weight',
            width: 110,
            render: (_, r, i) => (
              <InputNumber
                aria-label={`${r.name}分值`}
                min={0}
                max={100}
                value={r.weight}
                onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, weight: Number(v ?? 0) } : x)))}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }} type={total === 100 ? 'secondary' : 'danger'}>
        合计 {total} 分（应为100分）
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="调整说明"
        placeholder="调整说明（记入审计日志）"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
