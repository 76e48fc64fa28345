/**
 * 节假日安排: the official days off and make-up working days every deadline is counted with —
 * the years shipped with Gongkai and those imported here — and, for the system administrator,
 * importing a new year.
 */
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useAuth } from '../../auth/AuthContext.tsx';
import { calendarApi, type CalendarYearSummary } from '../../api/calendar.ts';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { CalendarImportCard } from './CalendarImportCard.tsx';

const columns: TableColumnsType<CalendarYearSummary> = [
  { title: '年份', dataIndex: 'year', key: 'year', width: 90 },
  {
    title: '依据',
    key: 'notice',
    render: (_, y) => (
      <>
        {y.notice.title}
        {y.notice.documentNo ? <Typography.Text type="secondary">（{y.notice.documentNo}）</Typography.Text> : null}
      </>
    ),
  },
  { title: '成文日期', key: 'date', render: (_, y) => (y.notice.date ? formatDate(y.notice.date) : EMPTY) },
  { title: '调整天数', dataIndex: 'days', key: 'days', width: 100 },
  {
    title: '来源',
    key: 'source',
    render: (_, y) =>
      y.source === 'bundled' ? (
        <Tag>内置</Tag>
      ) : (
        <Tag color="blue">{y.overridesBundled ? '导入（替换内置）' : '导入'}</Tag>
      ),
  },
  {
    title: '导入',
    key: 'imported',
    render: (_, y) => (y.importedAt ? `${formatDateTime(y.importedAt)} ${y.importedBy ?? ''}` : EMPTY),
  },
];

/** The calendar screen. */
export default function CalendarPage() {
  const { me } = useAuth();
  const years = useApiData((signal) => calendarApi.years(signal), []);
  const canImport = me?.permissions.includes('calendar.manage') ?? false;
  return (
    <>
      <PageHeading title="节假日安排" />
      {canImport ? <CalendarImportCard onImported={years.reload} /> : null}
      {years.error ? (
        <LoadError error={years.error} onRetry={years.reload} />
      ) : (
        <Table<CalendarYearSummary>
          rowKey="year"
          columns={columns}
          dataSource={[...(years.data?.items ?? [])].reverse()}
          loading={years.loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </>
  );
}
