/**
 * 登记送达: staff record that a message was posted (邮寄, with its 挂号/EMS number) or handed over
 * in person, with the date. The server's messages land beside the fields.
 */
import { useCallback } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { outboxApi, type OutboxMessage } from '../../api/outbox.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

interface Values {
  status: 'posted' | 'handed_over';
  date?: Dayjs | null;
  note?: string;
}

/** The dialog for `message` (null = closed). */
export function DeliveryDialog({
  message: m,
  onClose,
  onSaved,
}: {
  message: OutboxMessage | null;
  onClose: () => void;
  onSaved: (m: OutboxMessage) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const status = Form.useWatch('status', form);
  const action = useCallback(
    async (v: Values) => {
      if (!m) return;
      const saved = await outboxApi.recordDelivery(m.id, {
        status: v.status,
        date: v.date ? v.date.format('YYYY-MM-DD') : '',
        note: v.note ?? '',
      });
      message.success(v.status === 'posted' ? '已登记邮寄' : '已登记当面送达');
      onSaved(saved);
    },
    [m, message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title={m ? `登记送达：${m.subject}` : '登记送达'}
      open={!!m}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={submit.submitting}
      destroyOnHidden
      afterClose={submit.clearError}
    >
      <FormError message={submit.error} />
      <Form
        form={form}
        name="delivery"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ status: m?.channel === 'in_person' ? 'handed_over' : 'posted' }}
      >
        <Form.Item label="送达方式" name="status">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'posted', label: '已邮寄' },
              { value: 'handed_over', label: '已当面送达' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={status === 'handed_over' ? '送达日期' : '交寄日期'}
          name="date"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker format={DATE_INPUT_FORMAT} />
        </Form.Item>
        <Form.Item
          label={status === 'handed_over' ? '备注（签收人等）' : '邮件号码（挂号信、EMS 等）'}
          name="note"
          rules={
            status === 'handed_over'
              ? []
              : [{ required: true, whitespace: true, message: '请填写邮件号码（挂号信、EMS 等）' }]
          }
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
