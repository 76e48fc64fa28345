/**
 * 修改密码: the signed-in user changes their own password. The server checks the current
 * password and the password policy; its messages appear beside the fields.
 */
import { useCallback } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../api/client.ts';
import { useFormSubmit } from '../lib/forms.ts';
import { busy, FormError } from '../lib/ui.tsx';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current password, new password and its confirmation: the fields of every password change form. */
export function PasswordChangeFields() {
  return (
    <>
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** The dialog; `open` is controlled by the top bar. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const action = useCallback(
    async (values: PasswordValues) => {
      await api.changePassword(values.currentPassword, values.newPassword);
      message.success('密码已修改');
      onClose();
    },
    [message, onClose],
  );
  const submit = useFormSubmit(form, action);

  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      afterClose={submit.clearError}
    >
      <FormError message={submit.error} />
      <Form form={form} name="change-password" layout="vertical" onFinish={submit.onFinish} preserve={false}>
        <PasswordChangeFields />
      </Form>
    </Modal>
  );
}
