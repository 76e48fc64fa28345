/**
 * 监督统计: the supervising office's view of its subtree (第三条、第四十六条至第四十九条) —
 * statistics with charts for any period, a sortable table of every agency with drill-down to the
 * records, the 政务公开考核 scorecard, and the aggregate annual report as a file.
 */
import { Card, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { supervisionApi } from '../../api/supervision.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { AGENCY_PARAM } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { AgenciesTab } from './AgenciesTab.tsx';
import { PeriodPicker, periodQuery, type PeriodState } from './PeriodPicker.tsx';
import { RecordsDrawer, type DrillTarget } from './RecordsDrawer.tsx';
import { ScorecardTab } from './ScorecardTab.tsx';
import { StatisticsTab } from './StatisticsTab.tsx';

const AGGREGATE_FORMATS = [
  ['docx', 'Word（DOCX）'],
  ['pdf', 'PDF'],
  ['xlsx', 'Excel（XLSX）'],
  ['json', 'JSON（gongkai.annual-report/1）'],
] as const;

export default function SupervisionPage() {
  const me = useMe();
  const [params] = useSearchParams();
  // Without an explicit choice the server takes the top of the user's reach (e.g. 洛江区人民政府).
  const chosen = params.get(AGENCY_PARAM) ?? '';
  const lastYear = String(new Date().getFullYear() - 1);
  const [period, setPeriod] = useState<PeriodState>({
    mode: 'year',
    year: lastYear,
    quarter: '1',
    month: '1',
    from: `${lastYear}-01-01`,
    to: `${lastYear}-12-31`,
  });
  const query = useMemo(() => periodQuery(period), [period]);
  const stats = useApiData((signal) => supervisionApi.statistics(chosen, query, signal), [chosen, query]);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const rootId = stats.data?.root.id ?? chosen;
  const year = String(stats.data?.period.year ?? period.year);

  return (
    <>
      <PageHeading title="监督统计" />
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <PeriodPicker value={period} onChange={setPeriod} />
          {rootId ? <a href={supervisionApi.statisticsXlsxUrl(rootId, query)}>导出统计表（XLSX）</a> : null}
        </Space>
        {stats.data ? (
          <Typography.Text type="secondary">
            {stats.data.root.name}及下级机关（{stats.data.agencies.length}个） · {stats.data.period.label} · 统计日期{' '}
            {stats.data.today}
          </Typography.Text>
        ) : null}
        {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
        {stats.data ? (
          <Tabs
            items={[
              { key: 'overview', label: '统计图表', children: <StatisticsTab data={stats.data} /> },
              { key: 'agencies', label: '各机关', children: <AgenciesTab data={stats.data} onDrill={setDrill} /> },
              {
                key: 'scorecard',
                label: '考核',
                children: (
                  <ScorecardTab
                    rootId={rootId}
                    year={year}
                    canManage={me.permissions.includes('supervision.manage')}
                    onDrill={setDrill}
                  />
                ),
              },
              {
                key: 'aggregate',
                label: '汇总报告',
                children: (
                  <Card
                    size="small"
                    title={`${stats.data.root.name}${year}年政府信息公开工作年度报告汇总表（含下级机关）`}
                  >
                    <Typography.Paragraph>
                      表二、表三、表四按官方格式汇总{stats.data.agencies.length}
                      个机关的业务记录（各机关报告逐格相加），JSON 中列出所汇总的机关。
                    </Typography.Paragraph>
                    <Space wrap>
                      {AGGREGATE_FORMATS.map(([format, label]) => (
                        <a key={format} href={supervisionApi.aggregateUrl(rootId, year, format)}>
                          下载 {label}
                        </a>
                      ))}
                    </Space>
                  </Card>
                ),
              },
            ]}
          />
        ) : null}
      </Space>
      <RecordsDrawer target={drill} period={query} onClose={() => setDrill(null)} />
    </>
  );
}
