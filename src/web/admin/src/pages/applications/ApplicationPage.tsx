/** One application: its facts, the clock and its explanation, the timeline, its documents, files and every workflow step. */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Flex, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { applicationsApi, type ApplicationDetail, type ApplicationFile } from '../../api/applications.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading, errorMessage } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { DocumentsCard } from './DocumentsCard.tsx';
import { StepDialog } from './StepDialog.tsx';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  cnDate,
  DECISION_STATUS_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  dueColour,
  FILE_ROLE_LABELS,
  ID_DOC_LABELS,
  OUTCOME_LABELS,
  RECORDS_OUTCOME_LABELS,
  REQUEST_KIND_LABELS,
  STATE_LABELS,
  STEP_LABELS,
} from './labels.ts';

const label = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');

/** 「暂定」 beside a date counted on a provisional calendar (lifecycle.md "Provisional years"). */
function ProvisionalMark() {
  return (
    <span className="provisional-date" title="以国务院办公厅公布的节假日安排为准">
      （暂定）
    </span>
  );
}

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const detail = useApiData((signal) => applicationsApi.get(id, signal), [id]);
  const [step, setStep] = useState<string | null>(null);
  const [role, setRole] = useState('reply_letter');
  const [notice, setNotice] = useState<string | null>(null);
  const [personal, setPersonal] = useState<{ idNumber: string; phone: string; address: string; email: string } | null>(
    null,
  );
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const a: ApplicationDetail | undefined = detail.data;
  if (!a) return <Card loading />;
  const fileColumns = [
    { title: '类别', key: 'role', render: (_: unknown, f: ApplicationFile) => label(FILE_ROLE_LABELS, f.role) },
    {
      title: '文件',
      key: 'filename',
      render: (_: unknown, f: ApplicationFile) => <a href={applicationsApi.fileUrl(a.id, f.id)}>{f.filename}</a>,
    },
    {
      title: '保密审查',
      key: 'reviewed',
      render: (_: unknown, f: ApplicationFile) =>
        f.role === 'released' || f.role === 'reply_letter' ? (f.reviewed ? '已审查' : '未审查') : '—',
    },
    { title: '已送达', key: 'sent', render: (_: unknown, f: ApplicationFile) => (f.sent ? '是' : '否') },
  ];
  return (
    <>
      <PageHeading
        title={`申请 ${a.trackingNumber}`}
        extra={<Button onClick={() => navigate(`/applications${search}`)}>返回收件箱</Button>}
      />
      {notice ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setNotice(null)}
          message={notice}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {a.hints.repeatOf.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`同一申请人曾就相同信息提出申请并已答复：${a.hints.repeatOf.join('、')}（可依第三十六条第六项不予重复处理）`}
        />
      ) : null}
      {a.thirdPartyNoticesMissing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`第三方不同意公开而拟定公开：须先将决定公开的内容和理由书面告知${a.thirdPartyNoticesMissing.map((p) => p.partyName).join('、')}（第三十二条），之后答复书才能送达`}
        />
      ) : null}
      {a.extensionRefusal ? (
        <Alert
          type="info"
          showIcon
          className="extension-refusal"
          style={{ marginBottom: 12 }}
          message={`${a.extensionRefusal.refusedBy}于${cnDate(a.extensionRefusal.date)}不批准延期答复${a.extensionRefusal.days ?? ''}${a.extensionRefusal.days ? '个工作日' : ''}：${a.extensionRefusal.reason}。答复期限不变，请按期答复`}
        />
      ) : null}
      {a.hints.massRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`该申请人近30日提出${a.hints.requestsInWindow}件申请，可依第三十五条要求说明理由`}
        />
      ) : null}
      <Card title="办理步骤" size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {a.steps.length === 0 ? <Typography.Text type="secondary">当前没有可由您办理的步骤</Typography.Text> : null}
          {a.steps.map((s) =>
            s === 'archive' ? (
              <Button
                key={s}
                onClick={() =>
                  applicationsApi.step(a.id, s, {}).then(
                    (d) => detail.setData(() => d),
                    (e: unknown) => setNotice(errorMessage(e)),
                  )
                }
              >
                {STEP_LABELS[s as keyof typeof STEP_LABELS]}
              </Button>
            ) : (
              <Button key={s} type={s === 'reply' || s === 'decide' ? 'primary' : 'default'} onClick={() => setStep(s)}>
                {STEP_LABELS[s as keyof typeof STEP_LABELS]}
              </Button>
            ),
          )}
        </Space>
      </Card>
      <Card title="期限" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'state',
              label: '状态',
              children: a.state === 'closed' ? `已办结（${cnDate(a.closedDate)}）` : label(STATE_LABELS, a.state),
            },
            { key: 'received', label: '收到申请之日', children: cnDate(a.clock.receivedDate) },
            {
              key: 'due',
              label: '答复期限',
              children: a.clock.replyDue ? (
                <Tag
                  className="reply-due"
                  data-date={a.clock.replyDue}
                  color={dueColour(a.clock.replyDue, a.clock.overdue)}
                >
                  {cnDate(a.clock.replyDue)}
                  {a.clock.replyDueProvisional ? <ProvisionalMark /> : null}
                </Tag>
              ) : (
                '—'
              ),
            },
            { key: 'rule', label: '依据', children: a.dueRule ?? '—' },
            { key: 'correction', label: '补正告知期限', children: cnDate(a.clock.correctionNoticeDue) },
            {
              key: 'correctionEnd',
              label: '补正期限',
              children: (
                <>
                  {cnDate(a.clock.correctionPeriodEnd)}
                  {a.clock.correctionPeriodEndProvisional ? <ProvisionalMark /> : null}
                </>
              ),
            },
            {
              key: 'feeReceived',
              label: '收到收费通知之日',
              children: a.clock.feeReceiptUnknown ? (
                <Typography.Text type="warning" className="fee-receipt-unknown">
                  邮寄签收日期待登记（登记前缴费期限不起算，不会自动视为放弃申请）
                </Typography.Text>
              ) : (
                cnDate(a.clock.feeNoticeReceivedDate)
              ),
            },
            {
              key: 'payment',
              label: '缴费期限',
              children: (
                <>
                  {cnDate(a.clock.paymentDue)}
                  {a.clock.paymentDueProvisional ? <ProvisionalMark /> : null}
                </>
              ),
            },
          ]}
        />
        <Typography.Paragraph className="clock-explanation" style={{ marginTop: 8 }}>
          {a.clock.explanation}
        </Typography.Paragraph>
        {a.clock.provisional ? (
          <Alert
            type="warning"
            message="部分日期所在年度的节假日安排尚未导入，标“暂定”的日期按《全国年节及纪念日放假办法》规定的法定节假日推算，以国务院办公厅公布的节假日安排为准；导入后自动重新计算"
          />
        ) : null}
        {a.clock.warnings.map((w) => (
          <Alert key={w.code} type="warning" message={w.message} style={{ marginTop: 4 }} />
        ))}
      </Card>
      <Flex gap={16} wrap>
        <Card title="申请" size="small" style={{ flex: '1 1 420px' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'kind', label: '类型', children: label(REQUEST_KIND_LABELS, a.kind) },
              {
                key: 'channel',
                label: '渠道',
                children: `${label(CHANNEL_LABELS, a.channel)}，${cnDate(a.arrivalDate)}收到`,
              },
              {
                key: 'applicant',
                label: '申请人',
                children: `${a.applicantName}（${label(APPLICANT_KIND_LABELS, a.applicantKind)}）${a.contactPerson ? `，联系人${a.contactPerson}` : ''}`,
              },
              { key: 'id', label: label(ID_DOC_LABELS, a.idDocType), children: personal?.idNumber ?? a.idNumberMasked },
              { key: 'phone', label: '电话', children: personal?.phone ?? a.phoneMasked },
              { key: 'address', label: '地址', children: personal?.address ?? a.addressMasked },
              { key: 'email', label: '电子邮箱', children: (personal?.email ?? a.email) || '—' },
              {
                key: 'info',
                label: a.correction?.receivedDate ? '所需信息（原申请）' : '所需信息',
                children: [a.infoTitle, a.infoDocNumber, a.infoDescription].filter(Boolean).join('；'),
              },
              ...(a.correction
                ? [
                    {
                      key: 'correctionItems',
                      label: '补正事项',
                      children: (
                        <span className="correction-asked" style={{ whiteSpace: 'pre-line' }}>
                          {`${cnDate(a.correction.requestedDate)}告知：\n${a.correction.items}`}
                        </span>
                      ),
                    },
                    {
                      key: 'corrected',
                      label: '补正后的申请',
                      children: a.correction.receivedDate ? (
                        <span className="correction-text" style={{ whiteSpace: 'pre-line' }}>
                          {`${cnDate(a.correction.receivedDate)}${a.correction.by === 'applicant' ? '申请人网上提交' : '登记'}${a.correction.acceptedLate ? '（逾期，有正当理由予以接受）' : ''}：\n${a.correction.text ?? '（未记录补正内容，见申请人材料）'}`}
                        </span>
                      ) : (
                        '尚未补正'
                      ),
                    },
                  ]
                : []),
              {
                key: 'delivery',
                label: '获取方式',
                children: `${label(DELIVERY_FORM_LABELS, a.deliveryForm)}，${label(DELIVERY_METHOD_LABELS, a.deliveryMethod)}`,
              },
              {
                key: 'fee',
                label: '信息处理费',
                children: a.feeAmount ? `${a.feeAmount}元（${a.feeBasis === 'per_piece' ? '按件' : '按量'}）` : '—',
              },
              {
                key: 'decision',
                label: '答复',
                children: a.decision
                  ? `${a.kind === 'records_correction' ? label(RECORDS_OUTCOME_LABELS, a.recordsOutcome) : label(OUTCOME_LABELS, a.decision.outcome)}；${a.decision.legalBasis ?? ''}；${label(DECISION_STATUS_LABELS, a.decision.status)}`
                  : '—',
              },
            ]}
          />
          {personal ? null : (
            <Button
              size="small"
              onClick={() => applicationsApi.reveal(a.id).then(setPersonal, (e: unknown) => setNotice(errorMessage(e)))}
            >
              查看完整证件号码和联系方式（留痕）
            </Button>
          )}
        </Card>
        <Card title="办理过程" size="small" style={{ flex: '1 1 420px' }}>
          <Timeline
            items={a.events.map((e) => ({
              key: e.seq,
              color: e.public ? 'blue' : 'gray',
              children: (
                <span>
                  {cnDate(e.date)} {e.summary}
                  <Typography.Text type="secondary">
                    （{e.actorName}
                    {e.public ? '' : '，内部'}）
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Card>
      </Flex>
      <DocumentsCard app={a} onChanged={detail.reload} onError={setNotice} />
      <Card
        title="文件（原件与提供文件分开保存；申请人只会收到经保密审查的提供文件和答复书）"
        size="small"
        style={{ marginTop: 16 }}
      >
        <Space style={{ marginBottom: 8 }}>
          <Select
            value={role}
            onChange={setRole}
            style={{ width: 220 }}
            aria-label="文件类别"
            options={[
              { value: 'reply_letter', label: '答复书' },
              { value: 'released', label: '提供文件（对外版本）' },
              { value: 'original', label: '原件（不对外）' },
              { value: 'signoff_scan', label: '审签单扫描件（纸质审查、签发）' },
            ]}
          />
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              applicationsApi.upload(a.id, role, file as File).then(
                () => {
                  onSuccess?.(null);
                  detail.reload();
                },
                (e: unknown) => {
                  setNotice(errorMessage(e));
                  onError?.(e as Error);
                },
              );
            }}
          >
            <Button>上传文件</Button>
          </Upload>
        </Space>
        <Table rowKey="id" size="small" pagination={false} columns={fileColumns} dataSource={a.files} />
      </Card>
      <StepDialog
        app={a}
        step={step}
        onClose={() => setStep(null)}
        onDone={(d) => {
          setStep(null);
          detail.setData(() => d);
        }}
      />
    </>
  );
}
