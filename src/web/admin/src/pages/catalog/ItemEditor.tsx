/**
 * The editor of a draft (or of a correction): the catalog fields, 成文日期 for the 第二十六条
 * clock, and the body in a rich-text editor (RichTextEditor.tsx, loaded on first use). The
 * server sanitizes the body (scripts, event handlers and unsafe links are removed) and returns
 * what it kept; nothing typed is lost on an error. A revision of a 规章 or 规范性文件 carries the
 * document it replaces (`replacesId`), which is retired when the revision is approved.
 */
import { lazy, Suspense } from 'react';
import { Alert, Button, Flex, Form, Input, Select, Skeleton } from 'antd';
import type { CatalogDetail, CatalogMeta, ItemInput, LinkedItem } from '../../api/catalog.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError } from '../../lib/ui.tsx';

const RichTextEditor = lazy(() => import('./RichTextEditor.tsx'));

/** The body control: Form.Item gives its value and onChange to this direct child, which loads the editor. */
function BodyField(props: { id?: string; value?: string; onChange?: (html: string) => void }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
      <RichTextEditor {...props} label="正文" />
    </Suspense>
  );
}

/** What the form starts from: an item being edited, or a new draft's prefilled fields. */
export type EditorStart = Partial<CatalogDetail> & { replaces?: { id: string; title: string } | null };

export function ItemEditor({
  meta,
  policies = [],
  initial,
  submitLabel,
  onSave,
}: {
  meta: CatalogMeta;
  /** The agency's policies a 政策解读 may explain. */
  policies?: LinkedItem[];
  initial?: EditorStart;
  submitLabel: string;
  onSave: (input: ItemInput) => Promise<void>;
}) {
  const [form] = Form.useForm<ItemInput>();
  const submit = useFormSubmit(form, async (values: ItemInput) =>
    onSave({
      ...values,
      categoryId: values.categoryId ?? null,
      effectiveOn: values.effectiveOn || null,
      replacesId: values.replacesId ?? null,
      interpretsId: values.docType === 'policy_interpretation' ? (values.interpretsId ?? null) : null,
      videoUrl: values.docType === 'policy_interpretation' ? values.videoUrl || null : null,
      qa: values.docType === 'policy_interpretation' ? (values.qa ?? []).filter((p) => p?.question || p?.answer) : null,
    }),
  );
  const docType = Form.useWatch('docType', form);
  const onCategory = (id: string | undefined) => {
    const cat = meta.categories.find((c) => c.id === id);
    if (cat) form.setFieldValue('statutoryItem', cat.statutoryItem);
  };
  const hasValidity = docType === 'rule' || docType === 'normative';
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit.onFinish}
      initialValues={{ docType: 'notice', statutoryItem: 'a20.15', ...initial }}
      style={{ maxWidth: 980 }}
    >
      <FormError message={submit.error} onClose={submit.clearError} />
      {initial?.replaces ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`本文件是“${initial.replaces.title}”的修订。审核发布后，原文件自施行日期（未填写时为发布日期）起标为“已修订”。`}
        />
      ) : null}
      <Form.Item name="replacesId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="categoryId" label="本机关类别">
        <Select
          allowClear
          options={meta.categories.map((c) => ({ value: c.id, label: c.name }))}
          onChange={onCategory}
        />
      </Form.Item>
      <Form.Item
        name="statutoryItem"
        label="公开事项（第二十条、第二十一条）"
        rules={[{ required: true, message: '请选择' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={meta.statutoryItems.map((i) => ({ value: i.key, label: `${i.article} ${i.name}` }))}
        />
      </Form.Item>
      <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择' }]}>
        <Select
          options={meta.docTypes.map((d) => ({ value: d.key, label: d.label }))}
          disabled={Boolean(initial?.replaces)}
        />
      </Form.Item>
      <Form.Item name="docNumber" label="文号">
        <Input maxLength={60} placeholder="如：洛工信〔2025〕3号" />
      </Form.Item>
      <Form.Item
        name="formedOn"
        label="成文日期（信息形成或者变更之日，第二十六条起算）"
        rules={[{ required: true, message: '请填写成文日期' }]}
      >
        <Input type="date" />
      </Form.Item>
      {docType === 'policy_interpretation' ? (
        <>
          <Form.Item
            name="interpretsId"
            label="所解读的政策"
            extra="解读与政策同步或在其后发布（国办发〔2016〕80号）；未选类别时归入“政策解读”类别"
            rules={[{ required: true, message: '政策解读须选择所解读的政策' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={policies.map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
          <Form.Item name="videoUrl" label="视频解读链接（可选）">
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
          <Form.List name="qa">
            {(fields, { add, remove }) => (
              <Form.Item label="问答（可选）" extra="图解：上传 PNG 或 JPG 附件，在公开页面随文显示">
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="start" style={{ marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'question']} noStyle>
                      <Input aria-label={`第${i + 1}条问题`} placeholder="问题" maxLength={300} style={{ flex: 1 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'answer']} noStyle>
                      <Input.TextArea aria-label={`第${i + 1}条回答`} placeholder="回答" rows={2} style={{ flex: 2 }} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>删除</Button>
                  </Flex>
                ))}
                <Button onClick={() => add({ question: '', answer: '' })}>添加问答</Button>
              </Form.Item>
            )}
          </Form.List>
        </>
      ) : null}
      {hasValidity ? (
        <Form.Item name="effectiveOn" label="施行日期">
          <Input type="date" />
        </Form.Item>
      ) : null}
      <Form.Item name="summary" label="内容概述">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="bodyHtml"
        label="正文"
        extra="可使用标题、段落、加粗、列表、表格、链接和对齐；保存时服务器按白名单净化，脚本、样式（对齐除外）和事件属性会被清除。"
      >
        <BodyField />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy(submit.submitting)}>
        {submitLabel}
      </Button>
    </Form>
  );
}
