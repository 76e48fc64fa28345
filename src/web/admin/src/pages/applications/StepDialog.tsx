/**
 * The form of one workflow step: only the fields that step takes, with the statute beside them.
 * 补正, 征求意见, 批准延期 and 收费 issue their notice from what is entered here.
 */
import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { applicationsApi, type ApplicationDetail } from '../../api/applications.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { OUTCOME_BASIS, OUTCOME_LABELS, RECORDS_OUTCOME_LABELS, STEP_LABELS } from './labels.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const DATED = new Set(['confirmReceipt', 'requestCorrection', 'recordCorrection', 'sendConsultation', 'recordConsultationAnswer', 'approveExtension', 'askReasons', 'setDelayedReply', 'issueFeeNotice', 'recordFeePaid', 'reply', 'withdraw']);
const DATE_FIELDS = ['date', 'periodEnd', 'partyReceivedDate', 'notifiedDate', 'until'];

export function StepDialog({ app, step, onClose, onDone }: { app: ApplicationDetail; step: string | null; onClose: () => void; onDone: (d: ApplicationDetail) => void }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const handlers = useApiData((signal) => applicationsApi.handlers(app.agencyId, signal), [app.agencyId], step === 'assign');
  const submit = useFormSubmit(form, async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '') continue;
      body[k] = DATE_FIELDS.includes(k) ? (v as Dayjs).format('YYYY-MM-DD') : v;
    }
    onDone(await applicationsApi.step(app.id, step!, body));
    form.resetFields();
  });
  if (!step) return null;
  const openConsultations = app.events.filter((e) => e.type === 'consultationSent' && e.consultationId);
  return (
    <Modal title={STEP_LABELS[step as keyof typeof STEP_LABELS] ?? step} open onCancel={onClose} onOk={() => form.submit()} okText="确定" confirmLoading={submit.submitting} destroyOnHidden>
      <FormError message={submit.error} onClose={submit.clearError} />
      <Form form={form} layout="vertical" onFinish={submit.onFinish} initialValues={step === 'decide' ? { legalBasis: app.decision?.legalBasis ?? '', outcome: app.decision?.outcome } : {}}>
        {DATED.has(step) ? <Form.Item name="date" label="日期" extra="不填为今天"><DatePicker /></Form.Item> : null}
        {step === 'assign' ? <Form.Item name="handlerId" label="承办人" rules={[{ required: true, message: '请选择' }]}><Select options={(handlers.data?.items ?? []).map((h) => ({ value: h.id, label: h.displayName }))} /></Form.Item> : null}
        {step === 'requestCorrection' ? (
          <>
            <Form.Item name="items" label="需要补正的全部事项（第三十条：一次性告知）" extra="写入补正告知书，每行一项" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={4} /></Form.Item>
            <Form.Item name="periodEnd" label="补正期限" extra="不填为15个工作日（设置）"><DatePicker /></Form.Item>
          </>
        ) : null}
        {step === 'recordCorrection' || step === 'askReasons' || step === 'withdraw' ? <Form.Item name="note" label="说明"><Input.TextArea rows={3} /></Form.Item> : null}
        {step === 'sendConsultation' ? (
          <>
            <Form.Item name="party" label="征求对象" initialValue="third"><Radio.Group options={[{ value: 'third', label: '第三方（第三十二条）' }, { value: 'agency', label: '其他机关（第三十四条）' }]} /></Form.Item>
            <Form.Item name="partyName" label="名称" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
            <Form.Item name="partyReceivedDate" label="对方收到征求意见书之日" extra="不填为发出之日"><DatePicker /></Form.Item>
            <Form.Item name="partySubject" label="征求意见书中所述的信息（可选）" extra="不填为申请所述的信息；征求意见书不写申请人，请勿在此写入申请人的个人信息"><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : null}
        {step === 'recordConsultationAnswer' ? (
          <>
            <Form.Item name="consultationId" label="征求意见" rules={[{ required: true, message: '请选择' }]}><Select options={openConsultations.map((e) => ({ value: e.consultationId!, label: `${e.date} ${e.summary}` }))} /></Form.Item>
            <Form.Item name="opinion" label="意见" initialValue="agree"><Radio.Group options={[{ value: 'agree', label: '同意公开' }, { value: 'object', label: '不同意公开' }, { value: 'none', label: '未明确' }]} /></Form.Item>
            <Form.Item name="note" label="理由摘要"><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : null}
        {step === 'requestExtension' ? (
          <>
            <Form.Item name="days" label="延长工作日数（合计不超过20）" rules={[{ required: true, message: '请填写' }]}><InputNumber min={1} max={20} /></Form.Item>
            <Form.Item name="reason" label="理由" extra="批准后写入延期答复告知书" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : null}
        {step === 'approveExtension' ? <Form.Item name="notifiedDate" label="告知申请人之日" extra="延期答复告知书的日期；不填为批准之日"><DatePicker /></Form.Item> : null}
        {step === 'setDelayedReply' ? <Form.Item name="until" label="延迟答复的期限（第三十五条）" rules={[{ required: true, message: '请选择' }]}><DatePicker /></Form.Item> : null}
        {step === 'issueFeeNotice' ? (
          <>
            <Form.Item name="basis" label="计收方式（国办函〔2020〕109号，二者不得同时适用）" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={[{ value: 'per_piece', label: '按件计收' }, { value: 'per_page', label: '按量计收' }]} /></Form.Item>
            <Form.Item name="pieces" label="件数（按件）"><InputNumber min={1} /></Form.Item>
            <Form.Item name="pages" label="页数（按量）"><InputNumber min={1} /></Form.Item>
            <Form.Item name="paymentMethod" label="缴费方式" extra="写入收费通知书，如非税收入缴款账户；不填为请到本机关政府信息公开工作机构办理"><Input maxLength={400} /></Form.Item>
          </>
        ) : null}
        {step === 'decide' ? (
          <>
            <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择' }]}>
              <Select options={app.kind === 'records_correction' ? options(RECORDS_OUTCOME_LABELS) : options(OUTCOME_LABELS).filter((o) => !o.value.startsWith('other_no'))} onChange={(v: string) => form.setFieldValue('legalBasis', OUTCOME_BASIS[v as keyof typeof OUTCOME_BASIS] ?? '')} />
            </Form.Item>
            <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
            <Form.Item name="reasons" label="理由（部分公开的，对不予公开的内容说明理由）"><Input.TextArea rows={4} /></Form.Item>
            <Form.Item name="responsibleAgency" label="负责公开的机关（第三十六条第五项，能够确定的）"><Input /></Form.Item>
          </>
        ) : null}
        {step === 'reviewConfidentiality' ? (
          <>
            <Form.Item name="passed" label="审查结论" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={[{ value: true, label: '通过' }, { value: false, label: '不通过，退回修改' }]} /></Form.Item>
            <Form.Item name="note" label="意见"><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
