/**
 * One agency's report for one year: the narrative editor with the generated draft and the R8
 * flags, the tables, validation findings and changes since publication, the review/publish
 * workflow, versions and export downloads. Nothing typed is lost: saving stores the text as
 * it is and shows the flags beside it.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Input, List, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { ruleName } from '../../../../../domain/report/findings.ts';
import { reportsApi, EXPORT_FORMATS, type Sections } from '../../api/reports.ts';
import type { Permission } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { errorMessage, FormError, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate, DUE_LABELS, SECTION_LABELS, STATUS_LABELS } from './labels.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { ReportTables } from './ReportTables.tsx';

/** Asks for a reason (return to draft, new version) and passes it on. */
function ReasonDialog({
  title,
  label,
  onOk,
  onClose,
}: {
  title: string;
  label: string;
  onOk: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={busy}
      okText="确定"
      onOk={async () => {
        setBusy(true);
        try {
          await onOk(text.trim());
          onClose();
        } catch (e) {
          setError(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <FormError message={error} onClose={() => setError(null)} />
      <Typography.Text>{label}</Typography.Text>
      <Input.TextArea
        aria-label={label}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
      />
    </Modal>
  );
}

export default function ReportEditor() {
  const year = Number(useParams().year);
  const { agencyId } = useAgencySelection();
  const { can } = useAuth();
  const view = useApiData((signal) => reportsApi.view(agencyId, year, signal), [agencyId, year], Boolean(agencyId));
  const [sections, setSections] = useState<Sections | null>(null);
  const [signatureDate, setSignatureDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'return' | 'revise' | 'publish' | null>(null);
  const data = view.data;
  useEffect(() => {
    if (data) {
      setSections(data.sections);
      setSignatureDate(data.record?.signatureDate ?? '');
    }
  }, [data]);
  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  if (!data || !sections) return <Card loading />;

  const status = data.record?.status ?? null;
  const editable = can('reports.edit' as Permission) && (status === null || status === 'draft');
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      view.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => act(() => reportsApi.save(agencyId, year, { sections, signatureDate: signatureDate || null }));
  const r8 = data.findings.filter((f) => f.rule === 'R8' || f.rule === 'missing');
  const otherFindings = data.findings.filter((f) => !(f.rule === 'R8' || f.rule === 'missing'));
  const latest = data.versions.at(-1);

  return (
    <>
      <PageHeading
        title={`${data.agency.name}${year}年政府信息公开工作年度报告`}
        extra={
          <Space wrap>
            {status ? (
              <Tag color={STATUS_LABELS[status]?.color}>
                {STATUS_LABELS[status]?.text}
                {data.record?.currentVersion ? `（已发布第${data.record.currentVersion}版）` : ''}
              </Tag>
            ) : (
              <Tag>未编制</Tag>
            )}
            <Tag>
              {data.report.format === 'V2019' ? '国办公开办函〔2019〕60号格式' : '国办公开办函〔2021〕30号格式'}
            </Tag>
            {data.preview ? <Tag color="gold">{data.preview}</Tag> : null}
            <Typography.Text type="secondary" title={data.due.basis}>
              法定期限：{cnDate(data.due.deadline)}（{data.due.basis}）
            </Typography.Text>
            <Tag color={DUE_LABELS[data.due.state]?.color}>{DUE_LABELS[data.due.state]?.text}</Tag>
          </Space>
        }
      />
      <FormError message={error} onClose={() => setError(null)} />
      {data.preview ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message={`${year}年度报告预览：${data.preview}`}
          description={`表格按截至${cnDate(data.today)}的记录计算，年内可编制正文、提交审核；${year}年结束后方可发布，发布时按届时的记录重新计算。`}
        />
      ) : null}
      {data.due.state === 'overdue' ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          message={`已超过法定期限${cnDate(data.due.deadline)}仍未发布（第四十九条）`}
        />
      ) : null}
      {data.changes.length > 0 ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={`发布后记录有变化：${data.changes.length}个单元格与已发布版本不同，需编制新版本并写明理由。`}
          description={data.changes
            .slice(0, 8)
            .map((c) => `${c.label}：已发布${c.published ?? '空白'}，现为${c.current ?? '空白'}`)
            .join('；')}
        />
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {editable ? (
          <Button type="primary" loading={busy} onClick={save}>
            保存
          </Button>
        ) : null}
        {editable && status === 'draft' ? (
          <Button loading={busy} onClick={() => act(() => reportsApi.submit(agencyId, year))}>
            提交审核
          </Button>
        ) : null}
        {status === 'review' && can('reports.publish' as Permission) ? (
          <>
            <Button type="primary" loading={busy} onClick={() => setDialog('publish')}>
              审核通过并发布
            </Button>
            <Button onClick={() => setDialog('return')}>退回修改</Button>
          </>
        ) : null}
        {status === 'published' && can('reports.edit' as Permission) ? (
          <Button onClick={() => setDialog('revise')}>编制新版本</Button>
        ) : null}
      </Flex>
      <Tabs
        items={[
          {
            key: 'text',
            label: `正文${r8.length ? `（${r8.length}处提示）` : ''}`,
            children: (
              <Flex vertical gap={16}>
                {r8.length > 0 ? (
                  <Alert
                    type="error"
                    showIcon
                    message="正文与表格不一致或缺项"
                    description={
                      <ul style={{ margin: 0 }}>
                        {r8.map((f) => (
                          <li key={f.where + f.message}>{f.message}</li>
                        ))}
                      </ul>
                    }
                  />
                ) : null}
                {SECTION_LABELS.map((s) => (
                  <Card
                    key={s.key}
                    size="small"
                    title={s.label}
                    extra={
                      editable ? (
                        <Button size="small" onClick={() => setSections({ ...sections, [s.key]: data.draft[s.key] })}>
                          采用生成的草稿
                        </Button>
                      ) : null
                    }
                  >
                    <Input.TextArea
                      aria-label={s.label}
                      rows={s.rows}
                      value={sections[s.key]}
                      readOnly={!editable}
                      onChange={(e) => setSections({ ...sections, [s.key]: e.target.value })}
                    />
                  </Card>
                ))}
                <Space>
                  <Typography.Text>成文日期（署名下方，YYYY-MM-DD；不填则为发布之日）</Typography.Text>
                  <Input
                    aria-label="成文日期"
                    style={{ width: 140 }}
                    value={signatureDate}
                    readOnly={!editable}
                    placeholder="2021-01-06"
                    onChange={(e) => setSignatureDate(e.target.value)}
                  />
                </Space>
              </Flex>
            ),
          },
          { key: 'tables', label: '表格', children: <ReportTables report={data.report} /> },
          {
            key: 'findings',
            label: `检查结果（${otherFindings.length}）`,
            children: (
              <List
                header={
                  data.previousSource
                    ? `与上一年度报告（${data.previousSource === 'published' ? '本平台已发布' : '导入'}）比对`
                    : '没有上一年度报告可比对（R5–R7 未检查）'
                }
                locale={{ emptyText: '表格通过 R1–R11 全部检查' }}
                dataSource={otherFindings}
                renderItem={(f) => (
                  <List.Item>
                    <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{ruleName(f.rule)}</Tag>
                    {f.message}
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'versions',
            label: `版本与导出（${data.versions.length}）`,
            children: (
              <Flex vertical gap={16}>
                <Card size="small" title="按当前记录导出">
                  {status !== 'published' ? (
                    <Typography.Paragraph type="secondary">
                      导出件标注「草稿{data.preview ? `\u3000${data.preview}` : ''}」，落款为本机关名称和
                      {signatureDate ? `成文日期${cnDate(signatureDate)}` : `今天（${cnDate(data.today)}）`}。
                    </Typography.Paragraph>
                  ) : null}
                  <Space wrap>
                    {EXPORT_FORMATS.map((f) => (
                      <a key={f.key} href={reportsApi.exportUrl(agencyId, year, f.key)}>
                        {f.label}
                      </a>
                    ))}
                  </Space>
                </Card>
                <List
                  locale={{ emptyText: '尚未发布' }}
                  dataSource={[...data.versions].reverse()}
                  renderItem={(v) => (
                    <List.Item
                      extra={
                        <Space wrap>
                          {EXPORT_FORMATS.map((f) => (
                            <a key={f.key} href={reportsApi.exportUrl(agencyId, year, f.key, v.version)}>
                              {f.label}
                            </a>
                          ))}
                        </Space>
                      }
                    >
                      <List.Item.Meta
                        title={`第${v.version}版${v === latest ? '（现行）' : ''}`}
                        description={`${cnDate(v.publishedOn)} 由${v.publishedByName}发布${v.reason ? `；修订理由：${v.reason}` : ''}`}
                      />
                    </List.Item>
                  )}
                />
              </Flex>
            ),
          },
        ]}
      />
      {dialog === 'return' ? (
        <ReasonDialog
          title="退回修改"
          label="退回理由"
          onClose={() => setDialog(null)}
          onOk={async (reason) => {
            await reportsApi.returnToDraft(agencyId, year, reason);
            view.reload();
          }}
        />
      ) : null}
      {dialog === 'publish' ? (
        <PublishDialog
          view={data}
          onClose={() => setDialog(null)}
          onPublish={async () => {
            await reportsApi.publish(agencyId, year);
            view.reload();
          }}
        />
      ) : null}
      {dialog === 'revise' ? (
        <ReasonDialog
          title="编制新版本"
          label="修订理由（将随新版本一并公布）"
          onClose={() => setDialog(null)}
          onOk={async (reason) => {
            await reportsApi.revise(agencyId, year, reason);
            view.reload();
          }}
        />
      ) : null}
    </>
  );
}
