/**
 * Staff intake (第二十九条, 第三十一条): in person, oral (staff fill the form for the applicant),
 * post signed for / ordinary letter, fax, e-mail — each with its statutory receipt date — and
 * 当场答复 for applicants who are there.
 */
import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { applicationsApi, type IntakeInput } from '../../api/applications.ts';
import { FormError } from '../../lib/ui.tsx';
import { useFormSubmit } from '../../lib/forms.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_DOC_LABELS,
  OUTCOME_BASIS,
  OUTCOME_LABELS,
} from './labels.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const NEEDS_CONFIRMATION = new Set(['post-ordinary', 'online', 'email', 'fax']);

/** The form: the intake body (the API's schema) with dates as Dayjs and 当场答复 as three fields. */
interface Values extends Omit<IntakeInput, 'agencyId' | 'arrivalDate' | 'confirmedDate' | 'answeredOnSpot'> {
  arrivalDate?: Dayjs;
  confirmedDate?: Dayjs;
  onSpot?: boolean;
  onSpotOutcome?: string;
  onSpotReasons?: string;
}

export function IntakeDialog({
  open,
  agencyId,
  onClose,
  onCreated,
}: {
  open: boolean;
  agencyId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<{ trackingNumber: string; queryCode: string } | null>(null);
  const channel = Form.useWatch('channel', form);
  const onSpot = Form.useWatch('onSpot', form);
  const submit = useFormSubmit(form, async (v: Values) => {
    const { arrivalDate, confirmedDate, onSpot: spot, onSpotOutcome, onSpotReasons, ...rest } = v;
    const r = await applicationsApi.create({
      ...rest,
      agencyId,
      arrivalDate: arrivalDate?.format('YYYY-MM-DD'),
      confirmedDate: confirmedDate?.format('YYYY-MM-DD'),
      answeredOnSpot: spot
        ? {
            outcome: onSpotOutcome ?? '',
            legalBasis: OUTCOME_BASIS[onSpotOutcome as keyof typeof OUTCOME_BASIS] ?? '第三十三条',
            reasons: onSpotReasons ?? '',
          }
        : null,
    });
    setCreated(r);
    form.resetFields();
    onCreated(r.id);
  });
  return (
    <Modal
      title="登记政府信息公开申请"
      open={open}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={submit.submitting}
      destroyOnHidden
    >
      {created ? (
        <Alert
          type="success"
          showIcon
          message={`已登记 ${created.trackingNumber}，查询码 ${created.queryCode}（请告知申请人）`}
        />
      ) : null}
      <FormError message={submit.error} onClose={submit.clearError} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{
          channel: 'in-person',
          kind: 'disclosure',
          applicantKind: 'natural_person',
          idDocType: 'resident_id',
          deliveryForm: 'paper',
          deliveryMethod: 'pickup',
        }}
      >
        <Form.Item name="kind" label="申请类型">
          <Radio.Group
            options={[
              { value: 'disclosure', label: '政府信息公开申请' },
              { value: 'records_correction', label: '更正申请（第四十一条）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="channel" label="渠道" rules={[{ required: true }]}>
          <Select options={options(CHANNEL_LABELS)} />
        </Form.Item>
        <Form.Item
          name="arrivalDate"
          label={channel === 'post-signed' ? '签收日期（第三十一条第二项）' : '收到日期'}
          extra="不填为今天"
        >
          <DatePicker />
        </Form.Item>
        {NEEDS_CONFIRMATION.has(channel) ? (
          <Form.Item
            name="confirmedDate"
            label="与申请人确认之日（第三十一条）"
            extra="尚未确认的，登记后在申请页面确认"
          >
            <DatePicker />
          </Form.Item>
        ) : null}
        <Form.Item name="applicantKind" label="申请人类型" rules={[{ required: true }]}>
          <Select options={options(APPLICANT_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="applicantName" label="姓名或者名称" rules={[{ required: true, message: '请填写' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPerson" label="联系人（法人或者其他组织）">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idDocType" label="身份证明类型">
          <Select options={options(ID_DOC_LABELS)} />
        </Form.Item>
        <Form.Item name="idNumber" label="证件号码" rules={[{ required: true, message: '请填写' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label="通信地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="infoTitle" label="政府信息名称">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="infoDocNumber" label="文号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="infoDescription" label="所需信息的描述">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deliveryForm" label="获取信息的形式">
          <Radio.Group options={options(DELIVERY_FORM_LABELS)} />
        </Form.Item>
        <Form.Item name="deliveryMethod" label="获取信息的方式">
          <Radio.Group options={options(DELIVERY_METHOD_LABELS)} />
        </Form.Item>
        {channel === 'in-person' || channel === 'oral' ? (
          <>
            <Form.Item name="onSpot" valuePropName="checked">
              <Checkbox>当场答复（第三十三条第一款）</Checkbox>
            </Form.Item>
            {onSpot ? (
              <>
                <Form.Item name="onSpotOutcome" label="答复结果" rules={[{ required: true, message: '请选择' }]}>
                  <Select options={options(OUTCOME_LABELS).filter((o) => !o.value.startsWith('other_no'))} />
                </Form.Item>
                <Form.Item name="onSpotReasons" label="答复内容或理由">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
