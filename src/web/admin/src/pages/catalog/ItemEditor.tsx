/**
 * The editor of a draft (or of a correction): the catalog fields, 成文日期 for the 第二十六条
 * clock, and the body as HTML. The server sanitizes the body (scripts, event handlers and
 * unsafe links are removed) and returns what it kept; nothing typed is lost on an error.
 */
import { Button, Form, Input, Select } from 'antd';
import type { CatalogDetail, CatalogMeta, ItemInput } from '../../api/catalog.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';

export function ItemEditor({ meta, initial, submitLabel, onSave }: { meta: CatalogMeta; initial?: CatalogDetail; submitLabel: string; onSave: (input: ItemInput) => Promise<void> }) {
  const [form] = Form.useForm<ItemInput>();
  const submit = useFormSubmit(form, async (values: ItemInput) => onSave({ ...values, categoryId: values.categoryId ?? null, effectiveOn: values.effectiveOn || null }));
  const docType = Form.useWatch('docType', form);
  const onCategory = (id: string | undefined) => {
    const cat = meta.categories.find((c) => c.id === id);
    if (cat) form.setFieldValue('statutoryItem', cat.statutoryItem);
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit.onFinish} initialValues={initial ?? { docType: 'notice', statutoryItem: 'a20.15' }} style={{ maxWidth: 860 }}>
      <FormError message={submit.error} onClose={submit.clearError} />
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="categoryId" label="本机关类别"><Select allowClear options={meta.categories.map((c) => ({ value: c.id, label: c.name }))} onChange={onCategory} /></Form.Item>
      <Form.Item name="statutoryItem" label="公开事项（第二十条、第二十一条）" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={meta.statutoryItems.map((i) => ({ value: i.key, label: `${i.article} ${i.name}` }))} /></Form.Item>
      <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择' }]}><Select options={meta.docTypes.map((d) => ({ value: d.key, label: d.label }))} /></Form.Item>
      <Form.Item name="docNumber" label="文号"><Input maxLength={60} placeholder="如：洛工信〔2025〕3号" /></Form.Item>
      <Form.Item name="formedOn" label="成文日期（信息形成或者变更之日，第二十六条起算）" rules={[{ required: true, message: '请填写成文日期' }]}><Input type="date" /></Form.Item>
      {docType === 'rule' || docType === 'normative' ? <Form.Item name="effectiveOn" label="施行日期"><Input type="date" /></Form.Item> : null}
      <Form.Item name="summary" label="内容概述"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      <Form.Item name="bodyHtml" label="正文" extra="可使用段落、标题、列表、表格和链接；脚本、样式和事件属性在保存时被清除。"><Input.TextArea rows={12} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.submitting}>{submitLabel}</Button>
    </Form>
  );
}
