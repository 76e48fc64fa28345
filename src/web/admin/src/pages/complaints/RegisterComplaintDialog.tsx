/**
 * 登记投诉举报: the supervising office registers a complaint or report about an agency of its
 * subtree (第四十七条, 第五十一条). The server's messages land beside the fields; nothing typed is lost.
 */
import { useCallback, useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { complaintsApi, type Complaint, type ComplaintKind } from '../../api/complaints.ts';
import type { Agency } from '../../api/types.ts';
import { buildAgencyTree } from '../../lib/agencyTree.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { COMPLAINT_KIND_LABELS } from './labels.ts';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

interface Values {
  agencyId?: string;
  kind: ComplaintKind;
  complainant?: string;
  contact?: string;
  receivedDate?: Dayjs | null;
  subject?: string;
}

/** The dialog; `ownAgencyId` (the supervising office itself) cannot be chosen as the agency complained about. */
export function RegisterComplaintDialog(props: {
  open: boolean;
  agencies: readonly Agency[];
  ownAgencyId: string;
  onClose: () => void;
  onRegistered: (c: Complaint) => void;
}) {
  const { open, agencies, ownAgencyId, onClose, onRegistered } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const tree = useMemo(() => buildAgencyTree(agencies, new Set([ownAgencyId])), [agencies, ownAgencyId]);
  const action = useCallback(
    async (v: Values) => {
      const created = await complaintsApi.register({
        agencyId: v.agencyId ?? '',
        kind: v.kind,
        complainant: v.complainant ?? '',
        contact: v.contact ?? '',
        receivedDate: v.receivedDate ? v.receivedDate.format('YYYY-MM-DD') : '',
        subject: v.subject ?? '',
      });
      message.success(`已登记对“${created.agencyName}”的${COMPLAINT_KIND_LABELS[created.kind]}`);
      onRegistered(created);
    },
    [message, onRegistered],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title="登记投诉举报"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={submit.submitting}
      destroyOnHidden
      afterClose={submit.clearError}
      width={680}
    >
      <FormError message={submit.error} />
      <Form
        form={form}
        name="complaint"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ kind: 'complaint', receivedDate: dayjs() }}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              label="被投诉（举报）机构"
              name="agencyId"
              rules={[{ required: true, message: '请选择被投诉（举报）的机构' }]}
            >
              <TreeSelect
                treeData={tree}
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                placeholder="选择所辖机构"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="类型" name="kind">
              <Radio.Group
                optionType="button"
                options={Object.entries(COMPLAINT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="收到日期" name="receivedDate" rules={[{ required: true, message: '请选择收到日期' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="投诉（举报）人"
              name="complainant"
              extra="匿名举报请填写“匿名”"
              rules={[{ required: true, whitespace: true, message: '请填写投诉（举报）人' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系方式" name="contact" extra="电话或电子邮箱；加密保存，被投诉机构只能看到部分号码">
              <Input maxLength={120} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="投诉（举报）事项"
              name="subject"
              rules={[{ required: true, whitespace: true, message: '请填写投诉（举报）的事项' }]}
            >
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
