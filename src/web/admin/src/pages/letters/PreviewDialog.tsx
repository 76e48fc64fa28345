/**
 * 预览: renders the agency's saved wording of a template to PDF or DOCX with sample values
 * (POST /api/v1/letters/preview) and downloads it. Every placeholder the template uses needs a
 * value; the server names any that is missing.
 */
import { useCallback, useMemo } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { placeholdersIn } from '../../../../../domain/letters/placeholders.ts';
import { lettersApi, type LetterTemplate, type Placeholder } from '../../api/letters.ts';
import { saveFile } from '../../lib/download.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

/** Filled in by the server from the agency and the letter's date. */
const AUTOMATIC = new Set(['机关名称', '答复日期']);

interface Values {
  format: 'pdf' | 'docx';
  date: Dayjs;
  values: Record<string, string>;
}

/** The dialog for `template` (null = closed) of `agencyId`. */
export function PreviewDialog(props: {
  template: LetterTemplate | null;
  agencyId: string;
  placeholders: readonly Placeholder[];
  onClose: () => void;
}) {
  const { template, agencyId, placeholders, onClose } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const described = useMemo(() => new Map(placeholders.map((p) => [p.name, p.description])), [placeholders]);
  const used = useMemo(
    () =>
      template
        ? placeholdersIn([template.title, template.recipient, template.body].join('\n')).filter(
            (n) => !AUTOMATIC.has(n),
          )
        : [],
    [template],
  );
  const action = useCallback(
    async (v: Values) => {
      if (!template) return;
      const file = await lettersApi.preview(agencyId, {
        key: template.key,
        format: v.format,
        date: v.date.format('YYYY-MM-DD'),
        values: v.values ?? {},
      });
      saveFile(file);
      message.success(`已生成“${file.fileName}”`);
    },
    [template, agencyId, message],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title={template ? `预览：${template.name}` : '预览'}
      open={!!template}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="生成并下载"
      confirmLoading={submit.submitting}
      destroyOnHidden
      afterClose={submit.clearError}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        按本机关已保存的措辞生成文书。请为模板中的占位符填写示例内容。
      </Typography.Paragraph>
      <FormError message={submit.error} />
      <Form
        form={form}
        name="letter-preview"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ format: 'pdf', date: dayjs() }}
      >
        <Form.Item label="格式" name="format">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pdf', label: 'PDF' },
              { value: 'docx', label: 'Word（DOCX）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="文书日期" name="date" rules={[{ required: true, message: '请选择文书日期' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} />
        </Form.Item>
        {used.map((name) => (
          <Form.Item
            key={name}
            label={name}
            name={['values', name]}
            extra={described.get(name)}
            rules={[{ required: true, whitespace: true, message: `请填写“${name}”的示例内容` }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
