/**
 * 登记案件 / 修改案件: a 行政复议 or 行政诉讼 about the agency's disclosure work. The server
 * checks the whole case (docs/cases.md); its messages land beside the fields and nothing typed
 * is lost.
 */
import { useCallback } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { casesApi, type CaseInput, type CaseKind, type CaseResult, type DisclosureCase } from '../../api/cases.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { ApplicationSelect } from './applicationLink.tsx';
import { CASE_KIND_LABELS, CASE_RESULT_LABELS, PARTY_LABELS } from './labels.ts';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

interface Values {
  kind: CaseKind;
  caseNumber?: string;
  party?: string;
  organ?: string;
  subject?: string;
  filedDate?: Dayjs | null;
  concludedDate?: Dayjs | null;
  result: CaseResult;
  resultNote?: string;
  applicationId?: string | null;
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function toInput(v: Values): CaseInput {
  return {
    kind: v.kind,
    caseNumber: v.caseNumber ?? '',
    party: v.party ?? '',
    organ: v.organ ?? '',
    subject: v.subject ?? '',
    filedDate: day(v.filedDate),
    concludedDate: v.concludedDate ? day(v.concludedDate) : null,
    result: v.result,
    resultNote: v.resultNote ?? '',
    applicationId: v.applicationId ?? null,
  };
}

function toValues(c: DisclosureCase): Values {
  return { ...c, filedDate: dayjs(c.filedDate), concludedDate: c.concludedDate ? dayjs(c.concludedDate) : null };
}

/**
 * The case form in a dialog: a new case when `editing` is null, else the case to change (the
 * caller keeps `editing` while the dialog closes). `trackingNumber` labels the linked application.
 */
export function CaseDialog(props: {
  open: boolean;
  editing: DisclosureCase | null;
  agencyId: string;
  trackingNumber?: string;
  onClose: () => void;
  onSaved: (saved: DisclosureCase) => void;
}) {
  const { open, editing, agencyId, trackingNumber, onClose, onSaved } = props;
  const isEdit = !!editing;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) ?? 'reconsideration';
  const words = PARTY_LABELS[kind] ?? PARTY_LABELS.reconsideration!;
  const action = useCallback(
    async (values: Values) => {
      const input = toInput(values);
      const saved = editing ? await casesApi.update(editing.id, input) : await casesApi.create(agencyId, input);
      message.success(editing ? '案件已保存' : '案件已登记');
      onSaved(saved);
    },
    [editing, agencyId, message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Modal
      title={isEdit ? '修改案件' : '登记案件'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isEdit ? '保存' : '登记'}
      confirmLoading={submit.submitting}
      destroyOnHidden
      afterClose={submit.clearError}
      width={720}
    >
      <FormError message={submit.error} />
      <Form
        form={form}
        name="case"
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={
          editing ? toValues(editing) : { kind: 'reconsideration', result: 'pending', applicationId: null }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="案件类型" name="kind" rules={[{ required: true, message: '请选择案件类型' }]}>
              <Select options={options(CASE_KIND_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="案号"
              name="caseNumber"
              extra="如 泉洛政复〔2025〕3号、（2025）闽0504行初12号；尚未知道可以先不填"
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={words.party}
              name="party"
              rules={[{ required: true, whitespace: true, message: `请填写${words.party}` }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={words.organ}
              name="organ"
              rules={[{ required: true, whitespace: true, message: `请填写${words.organ}` }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="关联申请"
              name="applicationId"
              extra="案件针对某件政府信息公开申请的答复时选择；针对信息公开工作总体情况的留空"
            >
              <ApplicationSelect agencyId={editing?.agencyId ?? agencyId} currentLabel={trackingNumber} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="案由或请求事项" name="subject">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="受理（立案）日期"
              name="filedDate"
              rules={[{ required: true, message: '请选择受理（立案）日期' }]}
            >
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="审理结果" name="result" rules={[{ required: true, message: '请选择审理结果' }]}>
              <Select options={options(CASE_RESULT_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="审结日期" name="concludedDate" extra="尚未审结的不填">
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="结果说明" name="resultNote" extra="如 责令重新答复、撤回申请">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
