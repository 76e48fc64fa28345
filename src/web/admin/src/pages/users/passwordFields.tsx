/**
 * A password and its confirmation, for creating an account and for resetting its password.
 * The password policy is the server's; its message appears beside the field.
 */
import { Form, Input } from 'antd';

/** Password + 确认密码 fields named `password` and `confirmPassword`. */
export function PasswordFields({ label }: { label: string }) {
  return (
    <>
      <Form.Item label={label} name="password" rules={[{ required: true, message: `请输入${label}` }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
