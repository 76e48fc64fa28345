/**
 * 发件箱: every message the agency sends to applicants and third parties — e-mailed, posted or
 * handed over — with filters (status, channel, creation date, text), the message with its
 * attachments, 重新发送 and 登记送达 (docs/letters.md "Outbox").
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { outboxApi, type OutboxMessage } from '../../api/outbox.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { EMPTY, formatDateTime } from '../../lib/format.ts';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { DeliveryDialog } from './DeliveryDialog.tsx';
import { CHANNEL_LABELS, deliveredAt, STATUS_COLOURS, STATUS_LABELS } from './labels.ts';
import { messageActions, MessageDrawer } from './MessageDrawer.tsx';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

const PAGE_SIZE = 20;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Filters {
  status?: string;
  channel?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The outbox screen. */
export default function OutboxPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const { agencyId, agency } = useAgencySelection();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [delivering, setDelivering] = useState<OutboxMessage | null>(null);
  const canSend = can('outbox.send');
  const query = useMemo(() => {
    const [from, to] = filters.range ?? [null, null];
    return {
      agencyId,
      status: filters.status,
      channel: filters.channel,
      q: filters.q,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    };
  }, [agencyId, filters, page]);
  const list = useApiData((signal) => outboxApi.list(query, signal), [JSON.stringify(query)], Boolean(agencyId));
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K]) => {
      setFilters((f) => ({ ...f, [key]: value || undefined }));
      setPage(1);
    };
  const changed = useCallback(() => {
    list.reload();
    setVersion((v) => v + 1);
  }, [list]);
  const resend = async (m: OutboxMessage) => {
    try {
      await outboxApi.resend(m.id);
      message.success(`“${m.subject}”已重新排入发送队列`);
      changed();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<OutboxMessage> = [
    { title: '生成时间', key: 'createdAt', render: (_, m) => formatDateTime(m.createdAt) },
    {
      title: '标题',
      key: 'subject',
      render: (_, m) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(m.id)}>
          {m.subject}
        </Button>
      ),
    },
    { title: '收件人', dataIndex: 'recipientName', key: 'recipientName' },
    { title: '送达方式', key: 'channel', render: (_, m) => CHANNEL_LABELS[m.channel] ?? m.channel },
    {
      title: '状态',
      key: 'status',
      render: (_, m) => <Tag color={STATUS_COLOURS[m.status]}>{STATUS_LABELS[m.status] ?? m.status}</Tag>,
    },
    { title: '送达（发送）时间', key: 'sentAt', render: (_, m) => deliveredAt(m) },
    { title: '送达记录', key: 'deliveryNote', render: (_, m) => m.deliveryNote || EMPTY },
  ];
  if (canSend) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, m) => {
        const allowed = messageActions(m, canSend);
        return (
          <Flex gap={4}>
            {allowed.resend ? (
              <Button size="small" type="link" onClick={() => void resend(m)} aria-label={`重新发送 ${m.subject}`}>
                重新发送
              </Button>
            ) : null}
            {allowed.deliver ? (
              <Button size="small" type="link" onClick={() => setDelivering(m)} aria-label={`登记送达 ${m.subject}`}>
                登记送达
              </Button>
            ) : null}
          </Flex>
        );
      },
    });
  }

  return (
    <>
      <PageHeading title="发件箱" />
      {list.data && !list.data.smtpConfigured ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="本平台未配置邮件服务器，电子邮件不会自动发出"
          description="待发送的文书请下载附件打印后邮寄或当面送达，并登记送达情况。"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }} title={agency?.name}>
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder="状态"
            aria-label="状态"
            style={{ width: 140 }}
            options={options(STATUS_LABELS)}
            onChange={set('status')}
          />
          <Select
            allowClear
            placeholder="送达方式"
            aria-label="送达方式"
            style={{ width: 140 }}
            options={options(CHANNEL_LABELS)}
            onChange={set('channel')}
          />
          <DatePicker.RangePicker
            format={DATE_INPUT_FORMAT}
            aria-label="生成日期"
            placeholder={['生成日期起', '生成日期止']}
            allowEmpty={[true, true]}
            onChange={(r) => set('range')(r as Filters['range'])}
          />
          <Input.Search
            allowClear
            placeholder="标题、收件人或地址"
            aria-label="搜索"
            style={{ width: 240 }}
            onSearch={(v) => set('q')(v.trim())}
          />
        </Flex>
      </Card>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<OutboxMessage>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: '没有消息' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (n) => `共 ${n} 条`,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <MessageDrawer
        id={openId}
        version={version}
        canSend={canSend}
        onClose={() => setOpenId(null)}
        onResend={(m) => void resend(m)}
        onDeliver={setDelivering}
      />
      <DeliveryDialog
        message={delivering}
        onClose={() => setDelivering(null)}
        onSaved={() => {
          setDelivering(null);
          changed();
        }}
      />
    </>
  );
}
