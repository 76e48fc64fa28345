/**
 * Creating an API token for a machine client, and showing its secret: the plaintext token is
 * shown once, right after creation, and cannot be retrieved again.
 */
import { useCallback } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { CreatedToken, TokenScope } from '../../api/types.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError } from '../../lib/ui.tsx';
import { useRetained } from '../../lib/useRetained.ts';

interface CreateTokenValues {
  name: string;
  scopes: string[];
  expiresAt?: Dayjs | null;
}

/** 新建令牌: name, scopes, optional expiry date (valid through the end of that day). */
export function CreateTokenDialog(props: {
  open: boolean;
  scopes: readonly TokenScope[];
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}) {
  const { open, scopes, onClose, onCreated } = props;
  const [form] = Form.useForm<CreateTokenValues>();
  const action = useCallback(
    async (values: CreateTokenValues) => {
      const created = await api.createToken({
        name: values.name.trim(),
        scopes: values.scopes,
        ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
      });
      onCreated(created);
    },
    [onCreated],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title="新建 API 令牌"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="新建"
      okButtonProps={{ loading: busy(submit.submitting) }}
      destroyOnHidden
      afterClose={submit.clearError}
    >
      <FormError message={submit.error} />
      <Form
        form={form}
        name="token-create"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ scopes: [] }}
      >
        <Form.Item
          label="名称"
          name="name"
          tooltip="写明使用方，如“省政务公开平台数据同步”"
          rules={[{ required: true, whitespace: true, message: '请输入令牌名称' }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="权限范围"
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项权限' }]}
        >
          <Select
            mode="multiple"
            options={scopes.map((s) => ({ value: s.key, label: s.name }))}
            optionFilterProp="label"
            placeholder="选择令牌可以做的事"
          />
        </Form.Item>
        <Form.Item label="有效期至" name="expiresAt" extra="不填则长期有效，直至吊销。">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Shows the new token's secret once, with a copy button. */
export function TokenSecretDialog(props: { created: CreatedToken | null; onClose: () => void }) {
  const created = useRetained(props.created);
  return (
    <Modal
      title="令牌已创建"
      open={!!props.created}
      onCancel={props.onClose}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          我已妥善保存
        </Button>
      }
    >
      {created ? (
        <>
          <Alert
            type="warning"
            showIcon
            message="令牌只显示这一次"
            description="请立即复制并保存到使用方系统的安全配置中。关闭此窗口后无法再次查看；遗失后只能吊销并新建。"
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>令牌“{created.item.name}”：</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: created.token, tooltips: ['复制令牌', '已复制'] }}
            code
            style={{ wordBreak: 'break-all', fontSize: 14 }}
          >
            {created.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">请求时放在请求头中：Authorization: Bearer &lt;令牌&gt;</Typography.Text>
        </>
      ) : null}
    </Modal>
  );
}
