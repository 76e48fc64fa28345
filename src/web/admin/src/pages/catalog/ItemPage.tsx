/**
 * One catalog item in the console: its fields and 第二十六条 due date, the sanitized body, the
 * attachments (checked by content on upload), the review records, the validity of a 规章 or
 * 规范性文件 (ValidityCard.tsx), and the actions the user's role allows in its current state.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Tag,
  Timeline,
  Upload,
  message,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { catalogApi, type ActionInput, type CatalogDetail } from '../../api/catalog.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ValidityCard } from './ValidityCard.tsx';
import { cnDate, STATE_LABELS, STEP_LABELS, TIMELINESS } from './labels.ts';

type Dialog = {
  kind: ActionInput['kind'];
  title: string;
  field: 'opinion' | 'comment' | 'reason';
  label: string;
  required: boolean;
} | null;

export default function ItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const { can } = useAuth();
  const item = useApiData((signal) => catalogApi.get(id, signal), [id]);
  const meta = useApiData(
    (signal) => catalogApi.meta(item.data!.agencyId, signal),
    [item.data?.agencyId],
    Boolean(item.data),
  );
  const policies = useApiData(
    (signal) => catalogApi.policies(item.data!.agencyId, signal),
    [item.data?.agencyId],
    Boolean(item.data) && item.data?.docType === 'policy_interpretation',
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const [correctionReason, setCorrectionReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text: string; publishAt?: string }>();
  if (item.error) return <LoadError error={item.error} onRetry={item.reload} />;
  const d = item.data;
  if (!d) return null;
  const done = (next: CatalogDetail) => item.setData(() => next);
  const run = async (action: ActionInput) => {
    setBusy(true);
    try {
      done(await catalogApi.act(d.id, action));
      setDialog(null);
      form.resetFields();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const t = TIMELINESS[d.timeliness];
  const actions: Dialog[] = [];
  if (d.state === 'confidentiality_review' && can('catalog.review'))
    actions.push(
      { kind: 'confidentiality_pass', title: '保密审查通过', field: 'opinion', label: '保密审查意见', required: true },
      { kind: 'send_back', title: '退回修改', field: 'comment', label: '退回意见', required: true },
    );
  if (d.state === 'approval' && can('catalog.approve'))
    actions.push(
      { kind: 'approve', title: '审核通过并发布', field: 'opinion', label: '审核意见', required: false },
      { kind: 'send_back', title: '退回修改', field: 'comment', label: '退回意见', required: true },
    );
  if (d.state === 'published' && can('catalog.approve'))
    actions.push({
      kind: 'withdraw',
      title: '撤回',
      field: 'reason',
      label: '撤回理由（在公开页面显示）',
      required: true,
    });
  return (
    <>
      <PageHeading
        title={d.title}
        extra={
          <>
            <Button onClick={() => navigate(`/catalog${search}`)}>返回列表</Button>
            {d.state === 'draft' && can('catalog.edit') ? <Button onClick={() => setEditing(true)}>修改</Button> : null}
            {d.state === 'draft' && can('catalog.edit') ? (
              <Button type="primary" loading={busy} onClick={() => void run({ kind: 'submit' })}>
                提交保密审查
              </Button>
            ) : null}
            {d.state === 'published' && can('catalog.approve') ? (
              <Button onClick={() => setEditing(true)}>更正</Button>
            ) : null}
            {actions.map(
              (a) =>
                a && (
                  <Button
                    key={a.kind}
                    type={a.kind === 'send_back' || a.kind === 'withdraw' ? 'default' : 'primary'}
                    danger={a.kind === 'withdraw'}
                    onClick={() => setDialog(a)}
                  >
                    {a.title}
                  </Button>
                ),
            )}
            {d.state === 'published' ? (
              <Button href={`/gk/items/${d.id}`} target="_blank">
                查看公开页面
              </Button>
            ) : null}
          </>
        }
      />
      {editing && meta.data ? (
        <Card title={d.state === 'published' ? '更正已发布信息' : '修改草稿'} style={{ marginBottom: 16 }}>
          {d.state === 'published' ? (
            <Form layout="vertical">
              <Form.Item label="更正理由（在公开页面的发布记录中显示）" required>
                <Input.TextArea
                  aria-label="更正理由"
                  rows={2}
                  maxLength={500}
                  value={correctionReason}
                  onChange={(e) => setCorrectionReason(e.target.value)}
                  placeholder="如：原文第三条数据有误，予以更正"
                />
              </Form.Item>
            </Form>
          ) : null}
          <ItemEditor
            meta={meta.data}
            policies={policies.data?.items ?? []}
            initial={d}
            submitLabel={d.state === 'published' ? '保存更正' : '保存'}
            onSave={async (input) => {
              if (d.state === 'published') {
                // Thrown before anything is sent: the editor shows it and keeps what was typed.
                if (!correctionReason.trim()) throw new Error('请填写更正理由：它在公开页面的发布记录中显示');
                done(
                  await catalogApi.act(d.id, { kind: 'correct', reason: correctionReason.trim(), correction: input }),
                );
                setCorrectionReason('');
              } else done(await catalogApi.update(d.id, input));
              setEditing(false);
            }}
          />
        </Card>
      ) : null}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          {STATE_LABELS[d.state]}
          {d.publishedAt && new Date(d.publishedAt) > new Date() ? '（定时发布）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="索引号">{d.indexNo ?? '提交后生成'}</Descriptions.Item>
        <Descriptions.Item label="文号">{d.docNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label="起草人">{d.authorName}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{cnDate(d.formedOn)}</Descriptions.Item>
        <Descriptions.Item label="公开期限（第二十六条）">
          <Tag color={t.color}>{t.label}</Tag>
          {cnDate(d.dueOn)}
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">{cnDate(d.publishedOn)}</Descriptions.Item>
        <Descriptions.Item label="期限依据">{d.dueExplanation}</Descriptions.Item>
      </Descriptions>
      {d.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 16 }} />
      ))}
      {d.interprets ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <>
              本文是对<Link to={`/catalog/${d.interprets.id}${search}`}>《{d.interprets.title}》</Link>
              的政策解读（{STATE_LABELS[d.interprets.state]}）；须与政策同步或在其后发布。
            </>
          }
        />
      ) : null}
      {d.interpretations.length ? (
        <Card title="政策解读" size="small" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={d.interpretations}
            renderItem={(x) => (
              <List.Item>
                <Link to={`/catalog/${x.id}${search}`}>{x.title}</Link>（{STATE_LABELS[x.state]}）
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <ValidityCard item={d} canChange={can('catalog.approve')} onChanged={item.reload} />
      {d.state === 'withdrawn' ? (
        <Alert
          type="warning"
          showIcon
          message={`已于${cnDate(d.withdrawnOn)}撤回：${d.withdrawReason ?? ''}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={16} wrap align="start">
        <Card title="正文（已净化）" style={{ flex: '2 1 480px' }}>
          {/* Sanitized on the server with an allow-list (src/modules/catalog/sanitize.ts). */}
          <div className="catalog-body" dangerouslySetInnerHTML={{ __html: d.bodyHtml }} />
        </Card>
        <Flex vertical gap={16} style={{ flex: '1 1 300px' }}>
          <Card title="附件">
            <List
              size="small"
              dataSource={d.attachments}
              locale={{ emptyText: '无附件' }}
              renderItem={(a) => (
                <List.Item
                  actions={
                    d.state === 'draft'
                      ? [
                          <a key="del" onClick={() => void catalogApi.detach(d.id, a.id).then(item.reload)}>
                            删除
                          </a>,
                        ]
                      : []
                  }
                >
                  <a href={`/api/v1/catalog/items/${d.id}/attachments/${a.id}`}>{a.fileName}</a>
                </List.Item>
              )}
            />
            {d.state === 'draft' && can('catalog.edit') ? (
              <Upload
                showUploadList={false}
                accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                customRequest={({ file, onSuccess, onError }) => {
                  catalogApi.attach(d.id, file as File).then(
                    (r) => {
                      onSuccess?.(r);
                      item.reload();
                    },
                    (e: unknown) => {
                      void message.error(errorMessage(e));
                      onError?.(e as Error);
                    },
                  );
                }}
              >
                <Button icon={<UploadOutlined />} style={{ marginTop: 8 }}>
                  上传附件
                </Button>
              </Upload>
            ) : null}
          </Card>
          <Card title="审查和发布记录">
            <Timeline
              items={d.events.map((e) => ({
                color: e.result === 'return' ? 'red' : 'blue',
                children: (
                  <>
                    {new Date(e.at).toLocaleString('zh-CN')} {e.actorName} {STEP_LABELS[e.step] ?? e.step}
                    {e.opinion ? `：${e.opinion}` : ''}
                  </>
                ),
              }))}
            />
          </Card>
        </Flex>
      </Flex>
      <Modal
        title={dialog?.title}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            dialog &&
            void run({
              kind: dialog.kind,
              [dialog.field]: v.text ?? '',
              ...(dialog.kind === 'approve'
                ? { publishAt: v.publishAt ? new Date(v.publishAt).toISOString() : null }
                : {}),
            })
          }
        >
          <Form.Item
            name="text"
            label={dialog?.label}
            rules={dialog?.required ? [{ required: true, message: `请填写${dialog.label}` }] : []}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {dialog?.kind === 'approve' ? (
            <Form.Item name="publishAt" label="定时发布（不填为立即发布）">
              <Input type="datetime-local" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
