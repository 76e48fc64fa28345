/** Drill-down: the records behind a figure, each linking to its page in the console. */
import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { supervisionApi, type PeriodQuery } from '../../api/supervision.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

export interface DrillTarget {
  agencyId: string;
  agencyName: string;
  metric: string;
  label: string;
  scope: 'own' | 'subtree';
}

export function RecordsDrawer({
  target,
  period,
  onClose,
}: {
  target: DrillTarget | null;
  period: PeriodQuery;
  onClose: () => void;
}) {
  const data = useApiData(
    (signal) => supervisionApi.records(target!.agencyId, target!.metric, target!.scope, period, signal),
    [target, period],
    target !== null,
  );
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={760}
      title={target ? `${target.agencyName}${target.scope === 'subtree' ? '（含下级）' : ''}：${target.label}` : ''}
    >
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.data ? (
        <Typography.Paragraph type="secondary">
          共{data.data.total}条{data.data.total > data.data.items.length ? `，显示前${data.data.items.length}条` : ''}
        </Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={data.loading}
        dataSource={data.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: '编号',
            dataIndex: 'reference',
            render: (ref: string, r) => <Link to={r.link.replace(/^\/admin/, '')}>{ref || '查看'}</Link>,
          },
          { title: '内容', dataIndex: 'title', ellipsis: true },
          { title: '机关', dataIndex: 'agencyName', ellipsis: true },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '期限', dataIndex: 'due', width: 110 },
        ]}
      />
    </Drawer>
  );
}
