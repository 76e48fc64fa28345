/**
 * Editing one template's wording for the agency: title, addressee line and body, with the
 * placeholders to insert. The server refuses an unknown placeholder with its Chinese message
 * beside the field (「未知的占位符：{{补证事项}}…」) and nothing typed is lost; 恢复默认 drops the
 * agency's wording.
 */
import { useCallback, useEffect, useRef } from 'react';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { lettersApi, type LetterTemplate, type Placeholder, type TemplateInput } from '../../api/letters.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { errorMessage, FormError } from '../../lib/ui.tsx';
import { PlaceholderHelp } from './PlaceholderHelp.tsx';

/** The editor of `template`; `onSaved` gets the template as the server now has it. */
export function TemplateEditor(props: {
  template: LetterTemplate;
  agencyId: string;
  placeholders: readonly Placeholder[];
  canEdit: boolean;
  onSaved: (t: LetterTemplate) => void;
  onPreview: () => void;
}) {
  const { template, agencyId, placeholders, canEdit, onSaved, onPreview } = props;
  const [form] = Form.useForm<TemplateInput>();
  const { message } = App.useApp();
  const bodyRef = useRef<TextAreaRef>(null);
  const submit = useFormSubmit(
    form,
    useCallback(
      async (values: TemplateInput) => {
        onSaved(await lettersApi.save(agencyId, template.key, values));
        message.success(`已保存“${template.name}”`);
      },
      [agencyId, template.key, template.name, message, onSaved],
    ),
  );
  const { clearError } = submit;
  // Another template, or the saved one as the server returns it: show its wording.
  useEffect(() => {
    form.setFields([
      { name: 'title', value: template.title, errors: [] },
      { name: 'recipient', value: template.recipient, errors: [] },
      { name: 'body', value: template.body, errors: [] },
    ]);
    clearError();
  }, [form, template, clearError]);

  const insert = (token: string) => {
    const el = bodyRef.current?.resizableTextArea?.textArea;
    const text: string = form.getFieldValue('body') ?? '';
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    form.setFieldValue('body', text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const reset = async () => {
    try {
      onSaved(await lettersApi.reset(agencyId, template.key));
      message.success(`“${template.name}”已恢复为默认模板`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{template.name}</span>
            {template.overridden ? <Tag color="blue">本机关措辞</Tag> : <Tag>默认模板</Tag>}
          </Flex>
        }
        extra={<Button onClick={onPreview}>预览</Button>}
      >
        {template.overridden ? (
          <Typography.Paragraph type="secondary">
            {template.updatedBy ?? ''}于{formatDateTime(template.updatedAt)}修改。
          </Typography.Paragraph>
        ) : null}
        <FormError message={submit.error} onClose={submit.clearError} />
        <Form
          form={form}
          name="letter-template"
          layout="vertical"
          onFinish={submit.onFinish}
          disabled={!canEdit}
          initialValues={{ title: template.title, recipient: template.recipient, body: template.body }}
        >
          <Form.Item
            label="文书标题"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写文书标题' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            label="称谓（收件人）"
            name="recipient"
            extra="如 {{申请人}}；生成时在后面加冒号"
            rules={[{ required: true, whitespace: true, message: '请填写收件人（如 {{申请人}}）' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label="正文"
            name="body"
            extra="每行一段"
            rules={[{ required: true, whitespace: true, message: '请填写正文' }]}
          >
            <Input.TextArea ref={bodyRef} autoSize={{ minRows: 8, maxRows: 20 }} maxLength={5000} />
          </Form.Item>
          {canEdit ? (
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={submit.submitting}>
                保存
              </Button>
              <Popconfirm
                title="恢复默认模板？"
                description="本机关对此模板的修改将被删除。"
                okText="恢复默认"
                cancelText="取消"
                onConfirm={reset}
                disabled={!template.overridden}
              >
                <Button disabled={!template.overridden}>恢复默认</Button>
              </Popconfirm>
            </Flex>
          ) : null}
        </Form>
      </Card>
      <PlaceholderHelp placeholders={placeholders} onInsert={canEdit ? insert : undefined} />
    </>
  );
}
