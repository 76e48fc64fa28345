/**
 * 修改初始密码: shown instead of every screen while the signed-in account's password was set by
 * someone else (gongkai init, a reset). The server refuses everything else until it is changed.
 */
import { useCallback } from 'react';
import { Alert, App, Button, Card, Flex, Form, Space, Typography } from 'antd';
import { api } from '../api/client.ts';
import { useFormSubmit } from '../lib/forms.ts';
import { busy, FormError, PRODUCT_NAME, useDocumentTitle } from '../lib/ui.tsx';
import { useAuth } from './AuthContext.tsx';
import { PasswordChangeFields, type PasswordValues } from './ChangePasswordDialog.tsx';

export function ForcedPasswordChange() {
  useDocumentTitle('修改初始密码');
  const { me, refresh, logout } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const action = useCallback(
    async (values: PasswordValues) => {
      await api.changePassword(values.currentPassword, values.newPassword);
      message.success('密码已修改');
      await refresh();
    },
    [message, refresh],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Flex component="main" vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>
          {PRODUCT_NAME}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          message="请先修改密码"
          description={`账号 ${me?.username ?? ''} 的密码由他人设置（初始化或重置），修改后才能使用系统。`}
          style={{ marginBottom: 16 }}
        />
        <FormError message={submit.error} />
        <Form form={form} name="forced-password-change" layout="vertical" onFinish={submit.onFinish}>
          <PasswordChangeFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy(submit.submitting)}>
              修改密码
            </Button>
            <Button onClick={() => void logout()}>退出登录</Button>
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}
