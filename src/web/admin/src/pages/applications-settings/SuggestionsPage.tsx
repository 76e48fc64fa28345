/**
 * 第四十四条建议: information that several applicants asked for and that was (partly)
 * disclosed. Each suggestion lists its applications; staff who draft catalog items start a draft
 * from it (title and summary prefilled; it then goes through 保密审查 and 审核 as usual), handlers
 * dismiss it with a reason. Decisions taken are listed below; a new applicant asking again
 * brings a dismissed suggestion back.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { applicationToolsApi, type Suggestion } from '../../api/applications-settings.ts';
import { catalogApi } from '../../api/catalog.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySearch, useAgencySelection } from '../../layout/AgencyContext.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { APPLICANT_KIND_LABELS, cnDate, OUTCOME_LABELS } from '../applications/labels.ts';

type DraftValues = { title: string; summary?: string; statutoryItem: string; docType: string; formedOn: string };

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function DraftDialog({
  agencyId,
  suggestion,
  onClose,
}: {
  agencyId: string;
  suggestion: Suggestion;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DraftValues>();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const meta = useApiData((signal) => catalogApi.meta(agencyId, signal), [agencyId]);
  const submit = useFormSubmit(form, async (v: DraftValues) => {
    const { catalogItemId } = await applicationToolsApi.draft({
      agencyId,
      applicationIds: suggestion.members.map((m) => m.id),
      ...v,
    });
    navigate(`/catalog/${catalogItemId}${search}`);
  });
  return (
    <Modal
      title="据建议起草主动公开信息"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="起草"
      okButtonProps={{ loading: busy(submit.submitting) }}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        将创建一份草稿，打开后可补充正文和附件，再提交保密审查和发布审核。本建议随即记为“已起草”。
      </Typography.Paragraph>
      {meta.error ? <LoadError error={meta.error} onRetry={meta.reload} /> : null}
      <Form
        form={form}
        name="suggestion-draft"
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{
          title: suggestion.proposedTitle,
          summary: suggestion.proposedSummary,
          statutoryItem: 'a20.15',
          docType: 'notice',
          formedOn: todayIso(),
        }}
      >
        <FormError message={submit.error} onClose={submit.clearError} />
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label="内容概述">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="statutoryItem"
          label="公开事项（第二十条、第二十一条）"
          rules={[{ required: true, message: '请选择' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={meta.loading}
            options={(meta.data?.statutoryItems ?? []).map((i) => ({ value: i.key, label: `${i.article} ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择' }]}>
          <Select
            loading={meta.loading}
            options={(meta.data?.docTypes ?? []).map((d) => ({ value: d.key, label: d.label }))}
          />
        </Form.Item>
        <Form.Item
          name="formedOn"
          label="成文日期（信息形成或者变更之日，第二十六条起算）"
          rules={[{ required: true, message: '请填写成文日期' }]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DismissDialog({
  agencyId,
  suggestion,
  onClose,
  onDone,
}: {
  agencyId: string;
  suggestion: Suggestion;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    await applicationToolsApi.dismiss(
      agencyId,
      suggestion.members.map((m) => m.id),
      reason,
    );
    onDone();
  });
  return (
    <Modal
      title="不采纳主动公开建议"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
    >
      <Form form={form} name="suggestion-dismiss" layout="vertical" onFinish={submit.onFinish}>
        <FormError message={submit.error} onClose={submit.clearError} />
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写不予主动公开的理由' }]}
          extra="如：申请所涉信息仅与申请人自身相关，不具有普遍性。"
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SuggestionCard({
  s,
  canDraft,
  canDismiss,
  onDraft,
  onDismiss,
}: {
  s: Suggestion;
  canDraft: boolean;
  canDismiss: boolean;
  onDraft: () => void;
  onDismiss: () => void;
}) {
  const search = useAgencySearch();
  const earlier = s.members.some((m) => m.decision);
  return (
    <Card
      role="region"
      aria-label={`${s.proposedTitle || '（申请未写明信息名称）'}（${s.applicants} 名申请人）`}
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{s.proposedTitle || '（申请未写明信息名称）'}</span>
          <Tag color="blue">{s.applicants} 名申请人</Tag>
          {earlier ? <Tag color="orange">曾处理，又有新申请</Tag> : null}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {canDraft ? (
            <Button type="primary" size="small" onClick={onDraft}>
              起草主动公开信息
            </Button>
          ) : null}
          {canDismiss ? (
            <Button size="small" onClick={onDismiss}>
              不予采纳
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.members}
        columns={[
          {
            title: '申请编号',
            key: 'no',
            render: (_, m) => <Link to={`/applications/${m.id}${search}`}>{m.trackingNumber}</Link>,
          },
          {
            title: '申请人类型',
            key: 'kind',
            render: (_, m) =>
              APPLICANT_KIND_LABELS[m.applicantKind as keyof typeof APPLICANT_KIND_LABELS] ?? m.applicantKind,
          },
          { title: '收到申请之日', key: 'received', render: (_, m) => cnDate(m.receivedDate ?? m.arrivalDate) },
          {
            title: '办理结果',
            key: 'outcome',
            render: (_, m) =>
              m.outcome ? (OUTCOME_LABELS[m.outcome as keyof typeof OUTCOME_LABELS] ?? m.outcome) : '办理中',
          },
          { title: '所需信息', dataIndex: 'information' },
          {
            title: '此前处理',
            key: 'decision',
            render: (_, m) =>
              m.decision ? `${m.decision.decision === 'drafted' ? '已起草' : '不予采纳'}：${m.decision.reason}` : '—',
          },
        ]}
      />
    </Card>
  );
}

/** The screen at /admin/application-suggestions. */
export default function SuggestionsPage() {
  const { agencyId } = useAgencySelection();
  const search = useAgencySearch();
  const { can } = useAuth();
  const data = useApiData((signal) => applicationToolsApi.suggestions(agencyId, signal), [agencyId], Boolean(agencyId));
  const [drafting, setDrafting] = useState<Suggestion | null>(null);
  const [dismissing, setDismissing] = useState<Suggestion | null>(null);
  const items = data.data?.items ?? [];
  return (
    <>
      <PageHeading title="第四十四条建议" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="《政府信息公开条例》第四十四条"
        description="多个申请人就相同政府信息向本机关提出公开申请，且该政府信息属于可以公开的，可以纳入主动公开的范围。下列建议由近一年内内容相近、已予公开或部分公开的申请归并而来，请人工判断。"
      />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.data && items.length === 0 ? <Empty description="暂无主动公开建议" style={{ margin: '32px 0' }} /> : null}
      {items.map((s) => (
        <SuggestionCard
          key={s.key}
          s={s}
          canDraft={can('catalog.edit')}
          canDismiss={can('applications.handle')}
          onDraft={() => setDrafting(s)}
          onDismiss={() => setDismissing(s)}
        />
      ))}
      {data.data && data.data.handled.length > 0 ? (
        <Card title="已处理的建议" size="small">
          <Table
            size="small"
            rowKey="batchId"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data.data.handled}
            columns={[
              {
                title: '处理',
                key: 'decision',
                width: 100,
                render: (_, h) => (
                  <Tag color={h.decision === 'drafted' ? 'green' : 'default'}>
                    {h.decision === 'drafted' ? '已起草' : '不予采纳'}
                  </Tag>
                ),
              },
              { title: '申请编号', key: 'numbers', render: (_, h) => h.trackingNumbers.join('、') },
              {
                title: '主动公开信息或理由',
                key: 'what',
                render: (_, h) =>
                  h.catalogItem ? (
                    <Link to={`/catalog/${h.catalogItem.id}${search}`}>{h.catalogItem.title}</Link>
                  ) : (
                    h.reason
                  ),
              },
              { title: '处理人', dataIndex: 'decidedBy', width: 140 },
              { title: '时间', key: 'at', width: 180, render: (_, h) => formatDateTime(h.decidedAt) },
            ]}
          />
        </Card>
      ) : null}
      {drafting ? <DraftDialog agencyId={agencyId} suggestion={drafting} onClose={() => setDrafting(null)} /> : null}
      {dismissing ? (
        <DismissDialog
          agencyId={agencyId}
          suggestion={dismissing}
          onClose={() => setDismissing(null)}
          onDone={() => {
            setDismissing(null);
            data.reload();
          }}
        />
      ) : null}
    </>
  );
}
