/**
 * 发送文书: puts a document into the outbox — e-mailed by the delivery sweep, or waiting for staff
 * to record the posting (with its number) or the hand-over. For the applicant the address may be
 * left blank: the e-mail or postal address they gave is used. The server's messages land beside
 * the fields and nothing typed is lost.
 */
import { useCallback } from 'react';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import {
  applicationsApi,
  type ApplicationDetail,
  type ApplicationDocument,
  type SendDocumentInput,
} from '../../api/applications.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';

/** The dialog for `doc` (null = closed) of application `app`. */
export function SendDocumentDialog({
  app,
  doc,
  onClose,
  onSent,
}: {
  app: ApplicationDetail;
  doc: ApplicationDocument | null;
  onClose: () => void;
  onSent: () => void;
}) {
  const [form] = Form.useForm<SendDocumentInput>();
  const { message } = App.useApp();
  const channel = Form.useWatch('channel', form);
  const toApplicant = doc?.addressee === 'applicant';
  const action = useCallback(
    async (v: SendDocumentInput) => {
      if (!doc) return;
      const m = await applicationsApi.sendDocument(app.id, doc.id, {
        channel: v.channel,
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      });
      message.success(
        m.channel === 'email' ? `已放入发件箱，将发送至 ${m.recipientAddress}` : '已放入发件箱，邮寄或送达后请登记',
      );
      onSent();
    },
    [app.id, doc, message, onSent],
  );
  const submit = useFormSubmit(form, action);
  const addressLabel = channel === 'email' ? '收件邮箱' : channel === 'post' ? '邮寄地址' : '备注（可选）';
  const addressHint =
    !toApplicant || channel === 'in_person'
      ? undefined
      : channel === 'email'
        ? app.email
          ? `不填则发送至申请人所留邮箱 ${app.email}`
          : '申请人没有留电子邮箱，请填写'
        : '不填则使用申请人所留的通信地址';
  return (
    <Modal
      title={doc ? `发送：${doc.kindLabel}（致${doc.recipientName}）` : '发送'}
      open={!!doc}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="放入发件箱"
      confirmLoading={submit.submitting}
      destroyOnHidden
      afterClose={submit.clearError}
    >
      <Typography.Paragraph type="secondary">
        发送的是文书的 PDF{doc?.kind === 'reply_letter' ? '，并附经保密审查的提供文件（原件不会发出）' : ''}。
      </Typography.Paragraph>
      <FormError message={submit.error} />
      <Form
        form={form}
        name="send-document"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ channel: toApplicant && app.email ? 'email' : 'post' }}
      >
        <Form.Item label="送达方式" name="channel">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'email', label: '电子邮件' },
              { value: 'post', label: '邮寄' },
              { value: 'in_person', label: '当面送达' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={addressLabel}
          name="address"
          extra={addressHint}
          rules={
            !toApplicant && channel !== 'in_person'
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: channel === 'email' ? '请填写对方的电子邮箱' : '请填写对方的邮寄地址',
                  },
                ]
              : []
          }
        >
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
