/**
 * The supervising office's handling of a complaint: 记录办理环节 (the first one moves it from
 * 已登记 to 办理中) and 办结 with the result and what was found (第四十七条: 督促整改或者通报批评).
 * Each keeps what was typed when the server refuses it.
 */
import { useCallback } from 'react';
import { App, AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { complaintsApi, type ComplaintResult } from '../../api/complaints.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { COMPLAINT_RESULT_LABELS, STEP_SUGGESTIONS } from './labels.ts';
import { DATE_INPUT_FORMAT } from '../../lib/dateInput.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** 记录办理环节 of complaint `id`; `onSaved` reloads the complaint. */
export function StepForm({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [form] = Form.useForm<{ date?: Dayjs | null; action?: string; note?: string }>();
  const { message } = App.useApp();
  const action = useCallback(
    async (v: { date?: Dayjs | null; action?: string; note?: string }) => {
      await complaintsApi.addStep(id, { date: day(v.date), action: v.action ?? '', note: v.note ?? '' });
      message.success('已记录办理环节');
      form.resetFields();
      onSaved();
    },
    [id, form, message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Form
      form={form}
      name="complaint-step"
      layout="vertical"
      onFinish={submit.onFinish}
      initialValues={{ date: dayjs() }}
    >
      <FormError message={submit.error} onClose={submit.clearError} />
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item label="办理日期" name="date" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            label="办理环节"
            name="action"
            rules={[{ required: true, whitespace: true, message: '请填写办理环节' }]}
          >
            <AutoComplete
              options={STEP_SUGGESTIONS.map((value) => ({ value }))}
              placeholder="如 调查核实"
              filterOption={(input, o) => (o?.value ?? '').includes(input)}
              maxLength={60}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="办理情况" name="note">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Button htmlType="submit" loading={submit.submitting}>
        记录环节
      </Button>
    </Form>
  );
}

interface ConclusionValues {
  result?: ComplaintResult;
  concludedDate?: Dayjs | null;
  resultNote?: string;
}

/** 办结 of complaint `id`; `onSaved` reloads the complaint and the list. */
export function ConclusionForm({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [form] = Form.useForm<ConclusionValues>();
  const { message } = App.useApp();
  const action = useCallback(
    async (v: ConclusionValues) => {
      await complaintsApi.conclude(id, {
        result: v.result as ComplaintResult,
        concludedDate: day(v.concludedDate),
        resultNote: v.resultNote ?? '',
      });
      message.success('已办结');
      onSaved();
    },
    [id, message, onSaved],
  );
  const submit = useFormSubmit(form, action);
  return (
    <Form
      form={form}
      name="complaint-conclusion"
      layout="vertical"
      onFinish={submit.onFinish}
      initialValues={{ concludedDate: dayjs() }}
    >
      <FormError message={submit.error} onClose={submit.clearError} />
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item label="办理结果" name="result" rules={[{ required: true, message: '请选择办理结果' }]}>
            <Select options={Object.entries(COMPLAINT_RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="办结日期" name="concludedDate" rules={[{ required: true, message: '请选择办结日期' }]}>
            <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="核查情况和处理意见" name="resultNote" extra="投诉人撤回的可以不填">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.submitting}>
        办结
      </Button>
    </Form>
  );
}
