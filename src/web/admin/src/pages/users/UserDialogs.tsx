/**
 * Dialogs of the users screen: create an account, edit one (name, roles, 启用/停用, 邮箱 and
 * reminder e-mails), and reset its password. Each keeps what was typed when the server refuses it.
 */
import { useCallback, useMemo } from 'react';
import { App, Descriptions, Form, Input, Modal, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import { api } from '../../api/client.ts';
import type { Agency, Role, RoleKey, User } from '../../api/types.ts';
import { buildAgencyTree } from '../../lib/agencyTree.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError } from '../../lib/ui.tsx';
import { useRetained } from '../../lib/useRetained.ts';
import { RoleSelect, roleRules } from './RoleSelect.tsx';

interface CreateValues {
  username: string;
  displayName: string;
  agencyId: string;
  roles: RoleKey[];
  email?: string;
}

/** 邮箱 and 期限提醒邮件, shared by both dialogs. The server checks the address. */
function EmailFields() {
  return (
    <>
      <Form.Item label="电子邮箱" name="email" extra="用于接收申请办理期限提醒；不填则收不到提醒邮件">
        <Input type="email" autoComplete="off" maxLength={254} placeholder="例如 zhangsan@example.gov.cn" />
      </Form.Item>
      <Form.Item label="期限提醒邮件" name="reminderEmail" valuePropName="checked">
        <Switch checkedChildren="接收" unCheckedChildren="不接收" />
      </Form.Item>
    </>
  );
}

/** 新建用户. `defaultAgencyId` is the console's current agency. */
export function CreateUserDialog(props: {
  open: boolean;
  defaultAgencyId: string;
  defaultAgencyName: string;
  agencies: readonly Agency[];
  roles: readonly Role[];
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { open, defaultAgencyId, defaultAgencyName, agencies, roles, onClose, onCreated } = props;
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const tree = useMemo(() => buildAgencyTree(agencies), [agencies]);
  const action = useCallback(
    async (values: CreateValues) => {
      const user = await api.createUser({
        ...values,
        username: values.username.trim(),
        email: values.email?.trim() || null,
      });
      message.success(`已新建用户“${user.displayName}”，角色待安全管理员批准后生效，初始密码由其交付本人`);
      onCreated(user);
    },
    [message, onCreated],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="新建"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      afterClose={submit.clearError}
      width={560}
    >
      <FormError message={submit.error} />
      <Form
        form={form}
        name="user-create"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ agencyId: defaultAgencyId, roles: [], reminderEmail: true }}
      >
        <Form.Item
          label="用户名"
          name="username"
          tooltip="登录用，创建后不能修改"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label="所属机构" name="agencyId" rules={[{ required: true, message: '请选择所属机构' }]}>
          {agencies.length > 0 ? (
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" treeDefaultExpandAll />
          ) : (
            <Select disabled options={[{ value: defaultAgencyId, label: defaultAgencyName }]} />
          )}
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={roleRules}>
          <RoleSelect roles={roles} />
        </Form.Item>
        <EmailFields />
        <Typography.Paragraph type="secondary">
          三员分立：角色须经安全管理员批准后生效；初始密码在批准时生成，由安全管理员交付本人，本人首次登录须修改。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

interface EditValues {
  displayName: string;
  roles: RoleKey[];
  status: User['status'];
  email?: string;
  reminderEmail: boolean;
}

/** 编辑用户: name, roles and status of `user` (null = closed). */
export function EditUserDialog(props: {
  user: User | null;
  roles: readonly Role[];
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { roles, onClose, onSaved } = props;
  const user = useRetained(props.user);
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const action = useCallback(
    async (values: EditValues) => {
      if (!user) return;
      // An address this console may not see (email null, emailMasked set) is left as it is.
      const hidden = user.email === null && user.emailMasked !== null;
      const saved = await api.updateUser(user.id, {
        ...values,
        email: hidden ? undefined : values.email?.trim() || null,
      });
      message.success('用户信息已保存');
      onSaved(saved);
    },
    [user, message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title="编辑用户"
      open={!!props.user}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      afterClose={submit.clearError}
      width={560}
    >
      <FormError message={submit.error} />
      {user ? (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'username', label: '用户名', children: user.username },
              { key: 'agency', label: '所属机构', children: user.agencyName },
            ]}
          />
          <Form
            form={form}
            name="user-edit"
            layout="vertical"
            onFinish={submit.onFinish}
            preserve={false}
            initialValues={{
              displayName: user.displayName,
              roles: user.roles,
              status: user.status,
              email: user.email ?? '',
              reminderEmail: user.reminderEmail,
            }}
          >
            <Form.Item
              label="姓名"
              name="displayName"
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input autoComplete="off" maxLength={64} />
            </Form.Item>
            <Form.Item label="角色" name="roles" rules={roleRules}>
              <RoleSelect roles={roles} />
            </Form.Item>
            <EmailFields />
            <Form.Item label="状态" name="status">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'active', label: '启用' },
                  { value: 'disabled', label: '停用' },
                ]}
              />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}

/** 申请重置密码 of `user` (null = closed): the security administrator approves and hands the new password over. */
export function ResetPasswordDialog(props: { user: User | null; onClose: () => void }) {
  const { onClose } = props;
  const user = useRetained(props.user);
  const [form] = Form.useForm<Record<string, never>>();
  const { message } = App.useApp();
  const action = useCallback(async () => {
    if (!user) return;
    await api.resetUserPassword(user.id);
    message.success(`已申请重置“${user.displayName}”的密码，待安全管理员批准`);
    onClose();
  }, [user, message, onClose]);
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title={user ? `申请重置密码：${user.displayName}（${user.username}）` : '申请重置密码'}
      open={!!props.user}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交申请"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      afterClose={submit.clearError}
    >
      <FormError message={submit.error} />
      <Form form={form} name="user-password" layout="vertical" onFinish={submit.onFinish} preserve={false}>
        <Typography.Paragraph>
          三员分立：重置须经安全管理员批准；新密码在批准时生成，由安全管理员交付本人，本人首次登录须修改。批准前原密码仍有效。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
