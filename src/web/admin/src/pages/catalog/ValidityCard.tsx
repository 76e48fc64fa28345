/**
 * Validity of a published 规章 or 规范性文件 on its console page: today's status, the documents
 * it revises or that revise it, its history, and — for the approver (发布审核) — the buttons to
 * record 废止 or 失效 with date and reason, or 已修订: naming the published revision, or drafting
 * the revision (which retires this document when it is approved).
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Select, Tag, Timeline } from 'antd';
import { catalogApi, type CatalogDetail, type ValidityChange, type ValidityStatus } from '../../api/catalog.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate, STATE_LABELS } from './labels.ts';

export const VALIDITY_LABELS: Record<ValidityStatus, string> = {
  valid: '有效',
  repealed: '废止',
  lapsed: '失效',
  revised: '已修订',
};
const VALIDITY_COLORS: Record<ValidityStatus, string> = {
  valid: 'green',
  repealed: 'red',
  lapsed: 'default',
  revised: 'orange',
};

type Kind = Exclude<ValidityStatus, 'valid'>;
type Values = { endedOn: string; reason?: string; how?: 'existing' | 'draft'; replacedById?: string };

/** Today as YYYY-MM-DD in the browser's time zone (the date field's default). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function ChangeDialog({
  item,
  kind,
  onClose,
  onDone,
}: {
  item: CatalogDetail;
  kind: Kind;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const how = Form.useWatch('how', form) ?? 'existing';
  const [text, setText] = useState('');
  // Published 规章 and 规范性文件 of the agency that could be the revision (searched by title).
  const candidates = useApiData(
    (signal) => catalogApi.list({ agencyId: item.agencyId, state: 'published', text, pageSize: 50 }, signal),
    [item.agencyId, text],
    kind === 'revised',
  );
  const options = (candidates.data?.items ?? [])
    .filter((c) => c.id !== item.id && (c.docType === 'rule' || c.docType === 'normative') && !c.replacesId)
    .map((c) => ({
      value: c.id,
      label: `${c.title}${c.docNumber ? `（${c.docNumber}）` : ''}`,
      date: c.effectiveOn ?? c.publishedOn,
    }));
  const submit = useFormSubmit(form, async (v: Values) => {
    if (kind === 'revised' && v.how === 'draft') {
      navigate(`/catalog/new${search ? `${search}&` : '?'}revises=${item.id}`);
      return;
    }
    const change: ValidityChange = {
      endedAs: kind,
      endedOn: v.endedOn,
      reason: v.reason ?? '',
      ...(kind === 'revised' ? { replacedById: v.replacedById ?? null } : {}),
    };
    await catalogApi.endValidity(item.id, change);
    onDone();
  });
  const title = `登记${VALIDITY_LABELS[kind]}`;
  return (
    <Modal
      title={`${title}：${item.title}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={kind === 'revised' && how === 'draft' ? '起草修订文件' : '确定'}
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="validity"
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{ endedOn: todayIso(), how: 'existing' }}
      >
        <FormError message={submit.error} onClose={submit.clearError} />
        {kind === 'revised' ? (
          <Form.Item name="how" label="修订后的文件">
            <Radio.Group
              options={[
                { value: 'existing', label: '已发布，从本机关文件中选择' },
                { value: 'draft', label: '尚未发布，现在起草修订文件' },
              ]}
            />
          </Form.Item>
        ) : null}
        {kind === 'revised' && how === 'draft' ? (
          <Alert
            type="info"
            showIcon
            message="将打开新的草稿，文件类型、公开事项和正文取自本文件。修订文件经保密审查和审核发布后，本文件自其施行日期（未填写时为发布日期）起标为“已修订”。"
          />
        ) : (
          <>
            {kind === 'revised' ? (
              <Form.Item
                name="replacedById"
                label="选择修订后的文件"
                rules={[{ required: true, message: '请选择修订后的文件' }]}
              >
                <Select
                  showSearch
                  filterOption={false}
                  onSearch={setText}
                  loading={candidates.loading}
                  options={options}
                  notFoundContent={candidates.loading ? '正在查找…' : '没有可选择的已发布规章或规范性文件'}
                  onChange={(id: string) => {
                    const date = options.find((o) => o.value === id)?.date;
                    if (date) form.setFieldValue('endedOn', date);
                  }}
                />
              </Form.Item>
            ) : null}
            <Form.Item
              name="endedOn"
              label={
                kind === 'revised'
                  ? '原文件失去效力之日（修订文件施行之日）'
                  : `${VALIDITY_LABELS[kind]}日期（自该日起不再有效）`
              }
              rules={[{ required: true, message: '请填写日期' }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={kind === 'revised' ? '说明（可不填）' : `${VALIDITY_LABELS[kind]}的依据（在公开页面显示）`}
              rules={
                kind === 'revised'
                  ? []
                  : [{ required: true, whitespace: true, message: `请填写${VALIDITY_LABELS[kind]}的依据` }]
              }
            >
              <Input.TextArea
                rows={3}
                maxLength={500}
                placeholder={
                  kind === 'repealed'
                    ? '如：根据《洛江区人民政府关于废止部分规范性文件的决定》（洛政〔2026〕1号）'
                    : kind === 'lapsed'
                      ? '如：有效期届满'
                      : ''
                }
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** The validity card of an item page (only for 规章 and 规范性文件). */
export function ValidityCard({
  item,
  canChange,
  onChanged,
}: {
  item: CatalogDetail;
  canChange: boolean;
  onChanged: () => void;
}) {
  const search = useAgencySearch();
  const [kind, setKind] = useState<Kind | null>(null);
  const v = item.validity;
  if (!v) return null;
  const open = item.state === 'published' && !v.endedAs;
  const link = (x: { id: string; title: string; state: CatalogDetail['state'] }) => (
    <Link to={`/catalog/${x.id}${search}`}>
      {x.title}
      {x.state !== 'published' ? `（${STATE_LABELS[x.state]}）` : ''}
    </Link>
  );
  return (
    <Card
      role="region"
      aria-label="效力状态"
      title="效力状态"
      style={{ marginBottom: 16 }}
      extra={
        open && canChange ? (
          <Flex gap={8}>
            <Button danger onClick={() => setKind('repealed')}>
              废止
            </Button>
            <Button onClick={() => setKind('lapsed')}>失效</Button>
            <Button onClick={() => setKind('revised')}>已修订</Button>
          </Flex>
        ) : null
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="当前状态">
          <Tag color={VALIDITY_COLORS[v.status]}>{VALIDITY_LABELS[v.status]}</Tag>
          {v.endedAs && v.status === 'valid'
            ? `将于${cnDate(v.endedOn)}起${VALIDITY_LABELS[v.endedAs]}`
            : v.endedOn
              ? `${cnDate(v.endedOn)}起`
              : ''}
        </Descriptions.Item>
        <Descriptions.Item label="施行日期">{cnDate(v.effectiveOn)}</Descriptions.Item>
        {v.replaces ? (
          <Descriptions.Item label="本文件修订了" span={2}>
            {link(v.replaces)}
          </Descriptions.Item>
        ) : null}
        {v.revisions.length ? (
          <Descriptions.Item label="修订文件" span={2}>
            <Flex vertical>
              {v.revisions.map((r) => (
                <span key={r.id}>
                  {link(r)}
                  {r.effectiveOn ? `，${cnDate(r.effectiveOn)}起施行` : ''}
                </span>
              ))}
            </Flex>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Timeline
        items={v.history.map((h) => ({
          color: h.step === 'published' ? 'green' : h.step === 'repealed' ? 'red' : 'gray',
          children: (
            <>
              {cnDate(h.on)} {h.text}
              <span style={{ color: '#595959' }}>（{h.actorName}）</span>
            </>
          ),
        }))}
      />
      {kind ? (
        <ChangeDialog
          item={item}
          kind={kind}
          onClose={() => setKind(null)}
          onDone={() => {
            setKind(null);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}
