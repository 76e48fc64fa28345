/**
 * The agency form, for editing an agency and for creating a child agency (新建下级机构).
 * Server validation messages land beside the fields; what was typed stays.
 */
import { useCallback, useMemo } from 'react';
import { Button, Col, Divider, Flex, Form, Input, Row, Select, Switch, TreeSelect } from 'antd';
import type { Agency, AgencyInput } from '../../api/types.ts';
import { buildAgencyTree, LEVEL_LABELS, subtreeIds } from '../../lib/agencyTree.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError } from '../../lib/ui.tsx';

const LEVEL_OPTIONS = Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }));

type InputMode = 'text' | 'tel' | 'email' | 'numeric';

// inputMode, not type=email: the browser's own validation would block the submit in English
// before the server's Chinese message could be shown.
const CONTACT_FIELDS: Array<{
  name: keyof AgencyInput['contact'];
  label: string;
  autoComplete?: string;
  inputMode?: InputMode;
}> = [
  { name: 'address', label: '地址', autoComplete: 'street-address' },
  { name: 'postcode', label: '邮编', autoComplete: 'postal-code', inputMode: 'numeric' },
  { name: 'hours', label: '办公时间' },
  { name: 'phone', label: '电话', autoComplete: 'tel', inputMode: 'tel' },
  { name: 'fax', label: '传真', inputMode: 'tel' },
  { name: 'email', label: '电子邮箱', autoComplete: 'email', inputMode: 'email' },
];

/** Empty values for a new agency under `parent`. */
export function newAgencyValues(parent: Agency | undefined): AgencyInput {
  // Below a government (省/市/区县) the usual new node is a department; below a department, too.
  const level: AgencyInput['level'] =
    parent?.level === 'province' ? 'city' : parent?.level === 'city' ? 'county' : 'department';
  return {
    parentId: parent?.id ?? null,
    name: '',
    shortName: '',
    code: '',
    level,
    makesRules: false,
    contact: { address: '', postcode: '', hours: '', phone: '', fax: '', email: '' },
  };
}

interface AgencyFormProps {
  /** Form id prefix, so two forms on one page never share element ids. */
  formName: string;
  initialValues: AgencyInput;
  /** Every agency the user sees, for the parent picker. */
  agencies: readonly Agency[];
  /** When editing: the agency itself, which cannot become its own (grand)parent. */
  editingId?: string;
  submitLabel: string;
  onSubmit: (values: AgencyInput) => Promise<void>;
  onCancel: () => void;
}

/** The form; `onSubmit` throws the server's ApiError to show it on the fields. */
export function AgencyForm({
  formName,
  initialValues,
  agencies,
  editingId,
  submitLabel,
  onSubmit,
  onCancel,
}: AgencyFormProps) {
  const [form] = Form.useForm<AgencyInput>();
  const parentTree = useMemo(
    () => buildAgencyTree(agencies, editingId ? subtreeIds(agencies, editingId) : new Set()),
    [agencies, editingId],
  );
  const action = useCallback(
    async (values: AgencyInput) =>
      onSubmit({
        ...values,
        parentId: values.parentId ?? null,
        shortName: values.shortName ?? '',
        makesRules: !!values.makesRules,
      }),
    [onSubmit],
  );
  const submit = useFormSubmit(form, action);

  return (
    <Form form={form} name={formName} layout="vertical" initialValues={initialValues} onFinish={submit.onFinish}>
      <FormError message={submit.error} onClose={submit.clearError} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="机构名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="简称"
            name="shortName"
            rules={[{ required: true, whitespace: true, message: '请输入简称' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="机构代码"
            name="code"
            tooltip="本平台内的机构编码，用于网址：小写字母、数字和连字符，例如 luojiang-gxj"
            rules={[{ required: true, whitespace: true, message: '请输入机构代码' }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="上级机构" name="parentId">
            <TreeSelect
              treeData={parentTree}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              allowClear
              placeholder="无（顶级机构）"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="可制定规章"
            name="makesRules"
            valuePropName="checked"
            tooltip="有规章制定权的机关在年报表二中统计规章"
          >
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" plain>
        政府信息公开工作机构联系方式
      </Divider>
      <Row gutter={16}>
        {CONTACT_FIELDS.map((field) => (
          <Col key={field.name} xs={24} md={field.name === 'address' ? 24 : 12}>
            <Form.Item label={field.label} name={['contact', field.name]}>
              <Input inputMode={field.inputMode} autoComplete={field.autoComplete} maxLength={200} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy(submit.submitting)}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={submit.submitting}>
          取消
        </Button>
      </Flex>
    </Form>
  );
}
