/**
 * 我的账号: the signed-in user's own account — who they are, their work e-mail address and
 * whether they want reminder e-mails about applications' deadlines (the handler and the office
 * head get them, docs/applications.md "Reminders"), and the way to change their password.
 */
import { useCallback, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Skeleton, Switch, Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { accountApi, type OwnAccount } from '../../api/account.ts';
import { ChangePasswordDialog } from '../../auth/ChangePasswordDialog.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { roleLabel } from '../../lib/roles.ts';
import { busy, FormError, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

interface Values {
  email: string;
  reminderEmail: boolean;
}

function ReminderForm({ account, onSaved }: { account: OwnAccount; onSaved: (a: OwnAccount) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const action = useCallback(
    async (values: Values) => {
      const saved = await accountApi.update({
        email: values.email.trim() || null,
        reminderEmail: values.reminderEmail,
      });
      message.success('已保存');
      onSaved(saved);
    },
    [message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Form
      form={form}
      name="my-account"
      layout="vertical"
      onFinish={submit.onFinish}
      style={{ maxWidth: 480 }}
      initialValues={{ email: account.email ?? '', reminderEmail: account.reminderEmail }}
    >
      <FormError message={submit.error} />
      <Form.Item
        label="电子邮箱"
        name="email"
        extra="申请的答复、补正等期限到期前3个工作日和到期后，系统向承办人和负责人发送提醒邮件"
      >
        <Input type="email" autoComplete="email" maxLength={254} placeholder="例如 zhangsan@example.gov.cn" />
      </Form.Item>
      <Form.Item label="期限提醒邮件" name="reminderEmail" valuePropName="checked">
        <Switch checkedChildren="接收" unCheckedChildren="不接收" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy(submit.submitting)}>
        保存
      </Button>
    </Form>
  );
}

/** The 我的账号 screen. */
export default function AccountPage() {
  const account = useApiData((signal) => accountApi.get(signal), []);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const a = account.data;
  return (
    <>
      <PageHeading
        title="我的账号"
        extra={
          <Button icon={<LockOutlined />} onClick={() => setPasswordOpen(true)}>
            修改密码
          </Button>
        }
      />
      {account.error ? <LoadError error={account.error} onRetry={account.reload} /> : null}
      {!a && !account.error ? <Skeleton active /> : null}
      {a ? (
        <Flex vertical gap={16}>
          <Card title="账号信息" size="small">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'username', label: '用户名', children: a.username },
                { key: 'name', label: '姓名', children: a.displayName },
                { key: 'agency', label: '所属机构', children: a.agencyName },
                {
                  key: 'roles',
                  label: '角色',
                  children: (
                    <Flex gap={4} wrap>
                      {a.roles.map((r) => (
                        <Tag key={r} color="blue">
                          {roleLabel(r)}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
                { key: 'login', label: '最近登录', children: formatDateTime(a.lastLoginAt) },
              ]}
            />
          </Card>
          <Card title="邮箱与期限提醒" size="small">
            <ReminderForm
              key={`${a.email ?? ''}|${a.reminderEmail}`}
              account={a}
              onSaved={(saved) => account.setData(() => saved)}
            />
          </Card>
        </Flex>
      ) : null}
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
