/**
 * The form of one workflow step: only the fields that step takes, with the statute beside them.
 * 补正, 征求意见 (one letter per party row), 批准延期, 收费 and 书面告知第三方 issue their notice
 * from what is entered here.
 */
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { applicationsApi, type ApplicationDetail } from '../../api/applications.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { errorMessage, FormError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import {
  cnDate,
  FILE_ROLE_LABELS,
  OUTCOME_BASIS,
  OUTCOME_LABELS,
  RECORDS_OUTCOME_LABELS,
  STEP_LABELS,
} from './labels.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const DATED = new Set([
  'confirmReceipt',
  'requestCorrection',
  'recordCorrection',
  'sendConsultation',
  'recordConsultationAnswer',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'askReasons',
  'setDelayedReply',
  'issueFeeNotice',
  'recordFeeReceipt',
  'recordFeePaid',
  'notifyThirdParty',
  'reviewConfidentiality',
  'signOff',
  'reply',
  'withdraw',
]);
/** Steps whose fact may be dated after its period, with the office's reason (lifecycle.md "Facts entered late"). */
const LATE_REASON: Record<string, string> = {
  recordCorrection: '补正晚于补正期限的，写明接受的正当理由（第三十条「无正当理由」逾期不补正的才视为放弃申请）',
  recordFeePaid: '缴费晚于缴费期限的，写明接受的理由（仅在本机关设置允许接受逾期缴费时）',
};
const DATE_FIELDS = ['date', 'periodEnd', 'partyReceivedDate', 'notifiedDate', 'until', 'receivedDate'];
/** How a 收费通知 goes out: it decides the applicant's receipt date (lifecycle.md, fee row). */
const FEE_DELIVERY_OPTIONS = [
  { value: 'in-person', label: '当面交付（当日收到）' },
  { value: 'email', label: '电子邮件（发送之日收到）' },
  { value: 'online', label: '网上平台（发送之日收到）' },
  { value: 'post', label: '邮寄（以签收日为准，签收后登记）' },
];
/** The 收费通知's way by default: the way the applicant chose to get the information (109号). */
const feeDeliveryFor = (deliveryMethod: string) =>
  deliveryMethod === 'post' || deliveryMethod === 'email' || deliveryMethod === 'online' ? deliveryMethod : 'in-person';

/** Dates as the API takes them (YYYY-MM-DD), blanks left out, in each party row too. */
function toBody(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'parties' && Array.isArray(v)) body[k] = v.map((row) => toBody((row ?? {}) as Record<string, unknown>));
    else if (k === 'paper') {
      const paper = toBody((v ?? {}) as Record<string, unknown>);
      if (paper.signedBy || paper.scanFileId) body[k] = paper;
    } else body[k] = DATE_FIELDS.includes(k) ? (v as Dayjs).format('YYYY-MM-DD') : v;
  }
  return body;
}

/** 征求意见: one row per party, each getting its own letter and deadline (第三十二条, 第三十四条). */
function ConsultationRows() {
  return (
    <Form.List name="parties" initialValue={[{ party: 'third' }]}>
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">
            每一方出具一份征求意见书，期限各自自对方收到之日起计算15个工作日。征求意见书不写申请人，请勿在其中写入申请人的个人信息。
          </Typography.Paragraph>
          {fields.map(({ key, name }, i) => (
            <fieldset
              key={key}
              aria-label={`第${i + 1}方`}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 12 }}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text strong>第{i + 1}方</Typography.Text>
                {fields.length > 1 ? (
                  <Button size="small" type="link" danger onClick={() => remove(name)} aria-label={`删除第${i + 1}方`}>
                    删除
                  </Button>
                ) : null}
              </Flex>
              <Form.Item name={[name, 'party']} label="征求对象" initialValue="third">
                <Radio.Group
                  options={[
                    { value: 'third', label: '第三方（第三十二条）' },
                    { value: 'agency', label: '其他机关（第三十四条）' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={[name, 'partyName']}
                label="名称"
                rules={[{ required: true, whitespace: true, message: '请填写被征求意见的第三方或者机关' }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name={[name, 'partyReceivedDate']} label="对方收到征求意见书之日" extra="不填为发出之日">
                <DatePicker />
              </Form.Item>
              <Form.Item
                name={[name, 'partySubject']}
                label="征求意见书中所述的信息（可选）"
                extra="不填为申请所述的信息"
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </fieldset>
          ))}
          <Button type="dashed" block onClick={() => add({ party: 'third' })} disabled={fields.length >= 20}>
            添加一方
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * What the office head decides on (第三十三条第二款): the days asked, the handler's reason, and the
 * due date now and after an approval (computed by the server's clock engine).
 */
function ExtensionSummary({ app, refuse }: { app: ApplicationDetail; refuse: boolean }) {
  const p = app.pendingExtension;
  if (!p) return null;
  return (
    <Descriptions
      className="extension-summary"
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'days', label: '延长工作日数', children: `${p.days}个工作日` },
        { key: 'reason', label: '延期理由', children: p.reason },
        { key: 'requested', label: '申请', children: `${p.requestedBy}，${cnDate(p.requestedDate)}` },
        {
          key: 'current',
          label: '现答复期限',
          children: <span className="current-due">{cnDate(p.currentDue)}</span>,
        },
        {
          key: 'new',
          label: refuse ? '批准后本应为（不批准的，答复期限不变）' : '批准后的答复期限',
          children: (
            <span className="new-due">
              {cnDate(p.newDue)}
              {p.newDueProvisional ? '（暂定）' : ''}
            </span>
          ),
        },
      ]}
    />
  );
}

/**
 * 签发: the reply as it will be sent — the letter in the agency's wording filled with the decision,
 * the reply letter files that go, and the released files — before the office head confirms.
 */
function SignOffPreview({ app }: { app: ApplicationDetail }) {
  const letter = useApiData(
    (signal) => applicationsApi.replyLetterPreview(app.id, signal),
    [app.id, app.decision?.outcome, app.decision?.legalBasis],
    app.kind === 'disclosure' && app.decision !== null,
  );
  const replyFiles = app.files.filter((f) => f.role === 'reply_letter');
  const released = app.files.filter((f) => f.role === 'released');
  const needsReleased = app.decision?.outcome === 'granted' || app.decision?.outcome === 'partial';
  return (
    <div className="signoff-preview" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'outcome',
            label: '答复',
            children:
              app.kind === 'records_correction'
                ? (RECORDS_OUTCOME_LABELS[app.recordsOutcome as keyof typeof RECORDS_OUTCOME_LABELS] ?? '—')
                : (OUTCOME_LABELS[app.decision?.outcome as keyof typeof OUTCOME_LABELS] ?? '—'),
          },
          { key: 'basis', label: '法律依据', children: app.decision?.legalBasis || '—' },
          {
            key: 'by',
            label: '拟定 / 保密审查',
            children: `${app.decision?.decidedBy ?? '—'} / ${app.decision?.reviewedBy ?? '—'}`,
          },
          {
            key: 'files',
            label: '随答复送达的文件',
            children:
              replyFiles.length + released.length === 0 ? (
                '无'
              ) : (
                <ul className="signoff-files" style={{ margin: 0, paddingInlineStart: 18 }}>
                  {[...replyFiles, ...released].map((f) => (
                    <li key={f.id}>
                      {FILE_ROLE_LABELS[f.role] ?? f.role}：
                      <a href={applicationsApi.fileUrl(app.id, f.id)}>{f.filename}</a>
                      {f.reviewed ? '（已保密审查）' : '（未保密审查）'}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {needsReleased && released.length === 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message="予以公开、部分公开的答复须附提供文件（对外版本），尚未上传，不能签发"
        />
      ) : null}
      {replyFiles.length === 0 ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message="尚未生成或上传答复书文件" />
      ) : null}
      {letter.data ? (
        <article
          className="reply-letter-preview"
          aria-label="答复书全文"
          style={{
            marginTop: 12,
            border: '1px solid #d9d9d9',
            padding: '16px 24px',
            maxHeight: 360,
            overflowY: 'auto',
            fontFamily: 'FangSong, STFangsong, serif',
          }}
        >
          <Typography.Title level={5} style={{ textAlign: 'center' }}>
            {letter.data.title}
          </Typography.Title>
          {letter.data.subtitle ? <p style={{ textAlign: 'center' }}>{letter.data.subtitle}</p> : null}
          <p>{letter.data.recipient}</p>
          {letter.data.paragraphs.map((text, i) => (
            <p key={i} style={{ textIndent: '2em' }}>
              {text}
            </p>
          ))}
          <p style={{ textAlign: 'right' }}>{letter.data.signature.agency}</p>
          <p style={{ textAlign: 'right' }}>{cnDate(letter.data.signature.date)}</p>
        </article>
      ) : null}
      {letter.error ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={errorMessage(letter.error)} />
      ) : null}
    </div>
  );
}

/**
 * 保密审查 / 签发 done on paper and entered by the clerk or handler: who signed it and the scan of
 * the signed form (uploaded first as 审签单扫描件). Left empty, the step is the reviewer's or
 * approver's own, by their account.
 */
function PaperSignOff({ app }: { app: ApplicationDetail }) {
  const scans = app.files.filter((f) => f.role === 'signoff_scan');
  return (
    <fieldset aria-label="纸质审签" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0' }}>
      <Typography.Paragraph type="secondary">
        在纸质审签单上审查或签发、由他人据扫描件补录的，填写签署人并选择已上传的审签单扫描件；本人在系统中办理的不填。
      </Typography.Paragraph>
      <Form.Item name={['paper', 'signedBy']} label="纸质审签单上的签署人">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={['paper', 'scanFileId']} label="审签单扫描件">
        <Select allowClear options={scans.map((f) => ({ value: f.id, label: f.filename }))} />
      </Form.Item>
    </fieldset>
  );
}

export function StepDialog({
  app,
  step,
  onClose,
  onDone,
}: {
  app: ApplicationDetail;
  step: string | null;
  onClose: () => void;
  onDone: (d: ApplicationDetail) => void;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const handlers = useApiData(
    (signal) => applicationsApi.handlers(app.agencyId, signal),
    [app.agencyId],
    step === 'assign',
  );
  const submit = useFormSubmit(form, async (values: Record<string, unknown>) => {
    onDone(await applicationsApi.step(app.id, step!, toBody(values)));
    form.resetFields();
  });
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  if (!step) return null;
  const answered = new Set(app.events.filter((e) => e.type === 'consultationAnswered').map((e) => e.consultationId));
  const openConsultations = app.events.filter(
    (e) => e.type === 'consultationSent' && e.consultationId && !answered.has(e.consultationId),
  );
  return (
    <Modal
      title={STEP_LABELS[step as keyof typeof STEP_LABELS] ?? step}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={
        step === 'approveExtension'
          ? '批准延期'
          : step === 'refuseExtension'
            ? '不批准'
            : step === 'signOff'
              ? '确认签发'
              : '确定'
      }
      confirmLoading={submit.submitting}
      width={step === 'signOff' ? 760 : undefined}
      destroyOnHidden
    >
      <FormError message={submit.error} onClose={submit.clearError} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={
          step === 'decide'
            ? { legalBasis: app.decision?.legalBasis ?? '', outcome: app.decision?.outcome }
            : step === 'issueFeeNotice'
              ? { delivery: feeDeliveryFor(app.deliveryMethod) }
              : {}
        }
      >
        {step === 'approveExtension' || step === 'refuseExtension' ? (
          <ExtensionSummary app={app} refuse={step === 'refuseExtension'} />
        ) : null}
        {step === 'signOff' ? <SignOffPreview app={app} /> : null}
        {DATED.has(step) ? (
          <Form.Item
            name="date"
            label="发生日期"
            extra={
              step === 'recordFeeReceipt'
                ? '申请人收到收费通知之日（邮寄为签收日，见邮件查询记录或回执）；缴费期限自次日起20个工作日'
                : '事实发生之日（如对方来函、补正、缴费、批准、审查、签发、送达之日），不填为今天；补录的按此日期计算期限'
            }
          >
            <DatePicker />
          </Form.Item>
        ) : null}
        {step === 'assign' ? (
          <Form.Item name="handlerId" label="承办人" rules={[{ required: true, message: '请选择' }]}>
            <Select options={(handlers.data?.items ?? []).map((h) => ({ value: h.id, label: h.displayName }))} />
          </Form.Item>
        ) : null}
        {step === 'requestCorrection' ? (
          <>
            <Form.Item
              name="items"
              label="需要补正的全部事项（第三十条：一次性告知）"
              extra="写入补正告知书，每行一项"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="periodEnd" label="补正期限" extra="不填为15个工作日（设置）">
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        {step === 'recordCorrection' || step === 'askReasons' || step === 'withdraw' ? (
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {LATE_REASON[step] ? (
          <Form.Item name="lateReason" label="逾期接受的理由" extra={LATE_REASON[step]}>
            <Input.TextArea rows={2} maxLength={400} />
          </Form.Item>
        ) : null}
        {step === 'reviewConfidentiality' || step === 'signOff' ? <PaperSignOff app={app} /> : null}
        {step === 'sendConsultation' ? <ConsultationRows /> : null}
        {step === 'recordConsultationAnswer' ? (
          <>
            <Form.Item name="consultationId" label="征求意见" rules={[{ required: true, message: '请选择' }]}>
              <Select
                options={openConsultations.map((e) => ({
                  value: e.consultationId!,
                  label: `${e.date} ${e.partyName ?? e.summary}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="opinion" label="意见" initialValue="agree">
              <Radio.Group
                options={[
                  { value: 'agree', label: '同意公开' },
                  { value: 'object', label: '不同意公开' },
                  { value: 'none', label: '未明确' },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label="理由摘要">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {step === 'requestExtension' ? (
          <>
            <Form.Item name="days" label="延长工作日数（合计不超过20）" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={1} max={20} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="理由"
              extra="批准后写入延期答复告知书"
              rules={[{ required: true, message: '请填写' }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {step === 'approveExtension' ? (
          <Form.Item name="notifiedDate" label="告知申请人之日" extra="延期答复告知书的日期；不填为批准之日">
            <DatePicker />
          </Form.Item>
        ) : null}
        {step === 'refuseExtension' ? (
          <Form.Item
            name="reason"
            label="不批准的理由"
            extra="承办人将在办理过程中看到此理由；不批准的，答复期限不变，不向申请人出具延期答复告知书"
            rules={[{ required: true, whitespace: true, message: '请写明不批准延期的理由' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {step === 'setDelayedReply' ? (
          <Form.Item name="until" label="延迟答复的期限（第三十五条）" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker />
          </Form.Item>
        ) : null}
        {step === 'issueFeeNotice' ? (
          <>
            <Form.Item
              name="basis"
              label="计收方式（国办函〔2020〕109号，二者不得同时适用）"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Radio.Group
                options={[
                  { value: 'per_piece', label: '按件计收' },
                  { value: 'per_page', label: '按量计收' },
                ]}
              />
            </Form.Item>
            <Form.Item name="pieces" label="件数（按件）">
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="pages" label="页数（按量）">
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item
              name="delivery"
              label="收费通知的送达方式"
              extra="国办函〔2020〕109号：申请人应当在收到收费通知次日起20个工作日内缴纳费用。邮寄的，签收日期登记前不计算缴费期限，也不会自动视为放弃申请"
            >
              <Select options={FEE_DELIVERY_OPTIONS} />
            </Form.Item>
            <Form.Item
              name="receivedDate"
              label="申请人收到之日（已知时填写）"
              extra="如邮寄已签收；不填按送达方式推定"
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="paymentMethod"
              label="缴费方式"
              extra="写入收费通知书，如非税收入缴款账户；不填为请到本机关政府信息公开工作机构办理"
            >
              <Input maxLength={400} />
            </Form.Item>
          </>
        ) : null}
        {step === 'decide' ? (
          <>
            <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择' }]}>
              <Select
                options={
                  app.kind === 'records_correction'
                    ? options(RECORDS_OUTCOME_LABELS)
                    : options(OUTCOME_LABELS).filter((o) => !o.value.startsWith('other_no'))
                }
                onChange={(v: string) =>
                  form.setFieldValue('legalBasis', OUTCOME_BASIS[v as keyof typeof OUTCOME_BASIS] ?? '')
                }
              />
            </Form.Item>
            <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="reasons" label="理由（部分公开的，对不予公开的内容说明理由）">
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="responsibleAgency" label="负责公开的机关（第三十六条第五项，能够确定的）">
              <Input />
            </Form.Item>
            {app.objectingThirdParties.length > 0 && (outcome === 'granted' || outcome === 'partial') ? (
              <Typography.Paragraph type="warning">
                {app.objectingThirdParties.map((p) => p.partyName).join('、')}
                不同意公开。决定公开的，须在答复前将决定公开的内容和理由书面告知第三方（第三十二条）。
              </Typography.Paragraph>
            ) : null}
            {app.objectingThirdParties.length > 0 && outcome === 'partial' ? (
              <Form.Item
                name="thirdPartyWithheld"
                valuePropName="checked"
                preserve={false}
                extra="勾选后无需书面告知第三方；否则须先办理“书面告知第三方”"
              >
                <Checkbox>第三方不同意公开的内容已作区分处理，不予公开</Checkbox>
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {step === 'notifyThirdParty' ? (
          <>
            <Typography.Paragraph type="secondary">
              第三十二条：行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。此处填写的内容写入决定公开告知书，送达该第三方，申请人看不到。
            </Typography.Paragraph>
            <Form.Item
              name="consultationId"
              label="告知的第三方"
              initialValue={
                app.thirdPartyNoticesMissing.length === 1 ? app.thirdPartyNoticesMissing[0]!.consultationId : undefined
              }
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select
                options={app.thirdPartyNoticesMissing.map((p) => ({ value: p.consultationId, label: p.partyName }))}
              />
            </Form.Item>
            <Form.Item
              name="disclosedContent"
              label="决定公开的政府信息内容"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              name="publicInterestReason"
              label="决定公开的理由（不公开可能对公共利益造成的重大影响）"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {step === 'reviewConfidentiality' ? (
          <>
            <Form.Item name="passed" label="审查结论" rules={[{ required: true, message: '请选择' }]}>
              <Radio.Group
                options={[
                  { value: true, label: '通过' },
                  { value: false, label: '不通过，退回修改' },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label="意见">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
