/**
 * 文书: every document of the application — the notices its steps issued (补正告知书, 征求意见书,
 * 延期答复告知书, 收费通知书, 决定公开告知书 to a third party), the 视为放弃申请告知书 of a lapse and
 * its reply letters — with kind, addressee, date, release state, 暂定 when its dates wait for a
 * calendar year, deliveries, downloads (PDF and Word) and 发送 / 登记送达 through the outbox
 * (docs/letters.md).
 */
import { useState } from 'react';
import { Button, Card, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { applicationsApi, type ApplicationDetail, type ApplicationDocument } from '../../api/applications.ts';
import type { OutboxMessage } from '../../api/outbox.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { errorMessage } from '../../lib/ui.tsx';
import { DeliveryDialog } from '../outbox/DeliveryDialog.tsx';
import { CHANNEL_LABELS, STATUS_COLOURS, STATUS_LABELS } from '../outbox/labels.ts';
import { SendDocumentDialog } from './SendDocumentDialog.tsx';
import { cnDate } from './labels.ts';

const STATE_COLOURS: Record<ApplicationDocument['state'], string> = {
  issued: 'blue',
  awaitingReview: 'orange',
  awaitingSignOff: 'orange',
  signed: 'cyan',
  released: 'green',
};

/** The documents card; `onChanged` reloads the application, `onError` shows a message above the page. */
export function DocumentsCard({
  app,
  onChanged,
  onError,
}: {
  app: ApplicationDetail;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { can } = useAuth();
  const [sending, setSending] = useState<ApplicationDocument | null>(null);
  const [recording, setRecording] = useState<OutboxMessage | null>(null);
  const [generating, setGenerating] = useState(false);
  const generate = (format: 'pdf' | 'docx') => {
    setGenerating(true);
    applicationsApi
      .replyLetter(app.id, format)
      .then(onChanged, (e: unknown) => onError(errorMessage(e)))
      .finally(() => setGenerating(false));
  };
  const columns: TableColumnsType<ApplicationDocument> = [
    {
      title: '文书',
      key: 'kind',
      render: (_, d) => (
        <Flex vertical>
          <span>{d.kindLabel}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '收件人',
      key: 'recipient',
      render: (_, d) =>
        d.addressee === 'applicant'
          ? `${d.recipientName}（申请人）`
          : `${d.recipientName}（${d.kind === 'third_party_notice' ? '第三方，申请人不可见' : '被征求意见方'}）`,
    },
    { title: '日期', key: 'date', render: (_, d) => cnDate(d.date) },
    {
      title: '状态',
      key: 'state',
      render: (_, d) => (
        <Flex gap={4} wrap>
          <Tag color={STATE_COLOURS[d.state]}>{d.stateLabel}</Tag>
          {d.voided ? (
            <Tooltip title={d.sendBlocker}>
              <Tag color="red" className="voided-letter">
                已作废（保留存档）
              </Tag>
            </Tooltip>
          ) : null}
          {d.provisional ? (
            <Tooltip
              title={`文书中的日期按${d.missingYears.join('、')}年的法定节假日暂定，写明“以国务院办公厅公布的节假日安排为准”，可以发送；导入该年节假日安排后自动核定，日期有变化的另行告知申请人`}
            >
              <Tag color="gold" className="provisional-letter">
                暂定（待导入{d.missingYears.join('、')}年节假日安排）
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: '送达',
      key: 'deliveries',
      render: (_, d) =>
        d.deliveries.length === 0 ? (
          <Typography.Text type="secondary">未发送</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {d.deliveries.map((m) => (
              <span key={m.id}>
                <Tag color={STATUS_COLOURS[m.status]}>
                  {CHANNEL_LABELS[m.channel]}·{STATUS_LABELS[m.status]}
                </Tag>
                {m.channel !== 'email' && m.status === 'queued' && can('outbox.send') ? (
                  <Button size="small" type="link" onClick={() => setRecording(m)}>
                    登记送达
                  </Button>
                ) : null}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, d) => (
        <Space wrap size={4}>
          {d.fileId ? (
            <a href={applicationsApi.fileUrl(app.id, d.fileId)}>下载</a>
          ) : (
            d.formats.map((f) => (
              <a
                key={f}
                href={applicationsApi.documentUrl(app.id, d.id, f)}
                aria-label={`下载${d.kindLabel}（${f === 'pdf' ? 'PDF' : 'Word'}）`}
              >
                {f === 'pdf' ? 'PDF' : 'Word'}
              </a>
            ))
          )}
          {can('outbox.send') ? (
            <Tooltip title={d.sendBlocker ?? undefined}>
              <Button
                size="small"
                disabled={d.sendBlocker !== null}
                onClick={() => setSending(d)}
                aria-label={`发送${d.kindLabel}给${d.recipientName}`}
              >
                发送
              </Button>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
  ];
  const replyAllowed = !!app.decision && app.kind === 'disclosure' && app.decision.status !== 'sent';
  return (
    <Card
      role="region"
      aria-label="文书"
      title="文书（告知书、征求意见书、答复书）"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <Button onClick={() => generate('pdf')} disabled={!replyAllowed} loading={generating}>
            按模板生成答复书
          </Button>
          <Button onClick={() => generate('docx')} disabled={!replyAllowed} loading={generating}>
            生成 Word 版答复书
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        补正、征求意见（每方一份）、批准延期、收费和书面告知第三方的步骤各自出具文书，逾期不补正、逾期未缴费办结时自动出具视为放弃申请告知书；答复书须经保密审查和负责人签发后才能发送，第三方不同意公开而决定公开的，还须先书面告知第三方（第三十二条）。日期涉及尚未导入节假日安排年份的文书标为“暂定”，导入后按正式安排核定日期才能发送。申请人在查询页面可以下载发给本人的文书，看不到发给第三方或其他机关的文书。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={app.documents}
        locale={{ emptyText: '暂无文书' }}
      />
      <SendDocumentDialog
        app={app}
        doc={sending}
        onClose={() => setSending(null)}
        onSent={() => {
          setSending(null);
          onChanged();
        }}
      />
      <DeliveryDialog
        message={recording}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          onChanged();
        }}
      />
    </Card>
  );
}
