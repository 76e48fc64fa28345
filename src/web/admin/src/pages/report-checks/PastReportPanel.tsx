/**
 * An imported report as the agency's past report on the portal (原文导入, issue 16): the original
 * file to download; for the agency's office head or approver, publishing it as that year's report
 * (the date the agency published it, the signature date by default) or taking it off again.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { reportChecksApi, type CheckDetail } from '../../api/report-checks.ts';
import type { Permission } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { errorMessage, FormError } from '../../lib/ui.tsx';

export function PastReportPanel({ detail, onChanged }: { detail: CheckDetail; onChanged: () => void }) {
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const [date, setDate] = useState(detail.report.date ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Office heads and approvers publish their own agency's reports (the server checks it again).
  const mayPublish =
    detail.agencyId !== null && me?.agencyId === detail.agencyId && can('reports.publish_past' as Permission);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      message.success(done);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const p = detail.publication;
  return (
    <Card size="small" title="门户上的往年报告（原文导入）" style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {detail.original ? (
          <div>
            <Button icon={<DownloadOutlined />} href={reportChecksApi.originalUrl(detail.id)}>
              下载原文件（{detail.original.fileName}，{Math.max(1, Math.round(detail.original.size / 1024))} KB）
            </Button>
          </div>
        ) : (
          <Typography.Text type="secondary">
            这份报告导入时没有保存原文件（早于原文保存功能），不能在门户发布。
          </Typography.Text>
        )}
        {p ? (
          <Flex gap={8} align="center" wrap>
            <Tag color="success">已在门户发布</Tag>
            <Typography.Text>
              作为{detail.agencyName}
              {detail.year}年度报告，发布日期{p.publishedOn}（{p.publishedBy ?? '—'}办理）
            </Typography.Text>
            {mayPublish ? (
              <Popconfirm
                title="从门户撤下这份往年报告？"
                okText="撤下"
                cancelText="取消"
                onConfirm={() => run(() => reportChecksApi.withdraw(detail.id), '已从门户撤下')}
              >
                <Button danger loading={busy}>
                  从门户撤下
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        ) : mayPublish && detail.original ? (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>原发布日期</Typography.Text>
            <Input
              aria-label="原发布日期"
              placeholder="YYYY-MM-DD"
              style={{ width: 140 }}
              value={date}
              onChange={(e) => setDate(e.target.value.trim())}
            />
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              onClick={() => run(() => reportChecksApi.publish(detail.id, date || undefined), '已在门户发布')}
            >
              作为{detail.year}年度报告在门户发布
            </Button>
          </Flex>
        ) : detail.agencyId === null ? (
          <Typography.Text type="secondary">发布机关不是本平台上的机构，不能作为往年报告在门户发布。</Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            尚未在门户发布；由该机关的信息公开办公室负责人或审核发布人发布。
          </Typography.Text>
        )}
        {p || mayPublish ? (
          <Alert
            type="info"
            showIcon
            message="门户上标注「原文导入」，提供原文件下载，表格按统一格式展示；检查结果只在本平台内可见。"
          />
        ) : null}
        <FormError message={error} onClose={() => setError(null)} />
      </Flex>
    </Card>
  );
}
