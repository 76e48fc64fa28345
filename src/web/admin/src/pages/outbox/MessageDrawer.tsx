/**
 * One message of the outbox: recipient, channel and status, the text, the attachments to
 * download, and the actions: 重新发送 (e-mail) and 登记送达 (post, hand-over).
 */
import { Alert, Button, Descriptions, Divider, Drawer, Flex, List, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { outboxApi, type OutboxMessage } from '../../api/outbox.ts';
import { EMPTY, formatDateTime } from '../../lib/format.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { CHANNEL_LABELS, deliveredAt, fileSize, STATUS_COLOURS, STATUS_LABELS } from './labels.ts';

/** What may be done with a message, given the user's permission. */
export function messageActions(m: OutboxMessage, canSend: boolean): { resend: boolean; deliver: boolean } {
  return {
    resend: canSend && m.channel === 'email' && (m.status === 'sent' || m.status === 'failed'),
    deliver:
      canSend &&
      m.status !== 'sending' &&
      m.status !== 'posted' &&
      m.status !== 'handed_over' &&
      !(m.channel === 'email' && m.status === 'sent'),
  };
}

/** The drawer of message `id` (null = closed); `version` changes make it load again. */
export function MessageDrawer(props: {
  id: string | null;
  version: number;
  canSend: boolean;
  onClose: () => void;
  onResend: (m: OutboxMessage) => void;
  onDeliver: (m: OutboxMessage) => void;
}) {
  const { id, version, canSend, onClose, onResend, onDeliver } = props;
  const detail = useApiData((signal) => outboxApi.get(id!, signal), [id, version], id !== null);
  const d = id !== null && detail.data?.message.id === id ? detail.data : undefined;
  const m = d?.message;
  const can = m ? messageActions(m, canSend) : { resend: false, deliver: false };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      title={m?.subject ?? '消息'}
      destroyOnHidden
      extra={
        m ? (
          <Flex gap={8}>
            {can.resend ? <Button onClick={() => onResend(m)}>重新发送</Button> : null}
            {can.deliver ? (
              <Button type="primary" onClick={() => onDeliver(m)}>
                登记送达
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {m && d ? (
        <>
          {m.lastError ? (
            <Alert type="error" showIcon message="发送失败" description={m.lastError} style={{ marginBottom: 16 }} />
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'status',
                label: '状态',
                children: <Tag color={STATUS_COLOURS[m.status]}>{STATUS_LABELS[m.status] ?? m.status}</Tag>,
              },
              { key: 'channel', label: '送达方式', children: CHANNEL_LABELS[m.channel] ?? m.channel },
              { key: 'recipient', label: '收件人', children: m.recipientName },
              {
                key: 'address',
                label: m.channel === 'email' ? '电子邮箱' : '地址',
                children: m.recipientAddress || EMPTY,
              },
              { key: 'created', label: '生成时间', children: `${formatDateTime(m.createdAt)}（${m.createdBy}）` },
              { key: 'sent', label: '送达（发送）时间', children: deliveredAt(m) },
              { key: 'note', label: '送达记录', children: m.deliveryNote || EMPTY },
              { key: 'attempts', label: '发送次数', children: m.attempts },
            ]}
          />
          <Divider orientation="left">附件</Divider>
          <List
            size="small"
            bordered
            dataSource={d.attachments}
            locale={{ emptyText: '没有附件' }}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <a
                    key="get"
                    href={outboxApi.attachmentUrl(m.id, a.id)}
                    download={a.fileName}
                    aria-label={`下载附件 ${a.fileName}`}
                  >
                    <DownloadOutlined /> 下载
                  </a>,
                ]}
              >
                {a.fileName} <Typography.Text type="secondary">（{fileSize(a.size)}）</Typography.Text>
              </List.Item>
            )}
          />
          {m.bodyText ? (
            <>
              <Divider orientation="left">正文</Divider>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.bodyText}</Typography.Paragraph>
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
