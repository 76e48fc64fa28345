/**
 * 登录: username and password. Shows the server's Chinese answer (wrong password, account
 * locked until a given time, too many attempts) and, after a session expired, says so.
 */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client.ts';
import { formatDateTime } from '../lib/format.ts';
import { busy, errorMessage, PRODUCT_NAME, useDocumentTitle } from '../lib/ui.tsx';
import { useAuth, type LoginState } from './AuthContext.tsx';

interface LoginValues {
  username: string;
  password: string;
}

/** The server's refusal, with the lock's end time when the account is locked. */
function loginErrorText(error: unknown): { message: string; description?: string } {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const until = typeof error.problem.lockedUntil === 'string' ? formatDateTime(error.problem.lockedUntil) : null;
    // The server's message usually names the time already; say it only when it does not.
    const description =
      until && !error.detail.includes(until) ? `账号锁定至 ${until}，届时可再次登录，或请管理员解锁。` : undefined;
    return { message: error.detail, description };
  }
  return { message: errorMessage(error) };
}

/** The login screen at /admin/login. */
export default function LoginPage() {
  useDocumentTitle('登录');
  const { status, ended, login } = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<LoginValues>();

  if (status === 'authenticated' && !submitting) return <Navigate to={state.from ?? '/'} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(state.from ?? '/', { replace: true });
    } catch (err) {
      setError(err);
      // The password is cleared after a refusal, the username stays.
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  const shown = error ? loginErrorText(error) : null;
  return (
    <Flex component="main" vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>
          {PRODUCT_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          管理后台登录
        </Typography.Paragraph>
        {ended === 'expired' && !shown ? (
          <Alert type="warning" showIcon message="登录已超时，请重新登录。" style={{ marginBottom: 16 }} />
        ) : null}
        {ended === 'logout' && !shown ? (
          <Alert type="success" showIcon message="您已安全退出。" style={{ marginBottom: 16 }} />
        ) : null}
        {shown ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={shown.message}
            description={shown.description}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {/* No form name: antd then uses the field names as ids (#username, #password) for tests and labels. */}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input
              name="username"
              prefix={<UserOutlined aria-hidden />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              name="password"
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy(submitting)}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
