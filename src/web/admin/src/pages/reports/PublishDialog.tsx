/**
 * 发布确认 (发布审核, 第四十九条 向社会公布): before an annual report is frozen and published, the
 * approver sees what will be published — the title, version, 落款 date, the narrative and the
 * tables — and the result of every check: the validator's rules R1–R11, empty sections and
 * figures nobody entered. A report with a blocking finding (an error, or R8: our narrative must
 * agree with our tables) or of a year not yet ended cannot be confirmed; the API refuses it too,
 * with the same findings named.
 */
import { useState } from 'react';
import { Alert, Descriptions, Flex, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { blocksPublication, ruleName, VALIDATION_RULES } from '../../../../../domain/report/findings.ts';
import type { Finding, ReportView } from '../../api/reports.ts';
import { errorMessage, FormError } from '../../lib/ui.tsx';
import { cnDate, SECTION_LABELS } from './labels.ts';
import { ReportTables } from './ReportTables.tsx';

interface CheckRow {
  rule: string;
  findings: Finding[];
}

/** One row per rule R1–R11, then the editor's own checks that found something. */
function checkRows(findings: Finding[]): CheckRow[] {
  const rows: CheckRow[] = VALIDATION_RULES.map((rule) => ({
    rule,
    findings: findings.filter((f) => f.rule === rule),
  }));
  const others = [...new Set(findings.map((f) => f.rule))].filter((r) => !(VALIDATION_RULES as string[]).includes(r));
  return [...rows, ...others.map((rule) => ({ rule, findings: findings.filter((f) => f.rule === rule) }))];
}

function Outcome({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <Tag color="success">通过</Tag>;
  const blocking = findings.filter(blocksPublication).length;
  return blocking > 0 ? <Tag color="error">{blocking}处错误</Tag> : <Tag color="warning">{findings.length}处提示</Tag>;
}

export function PublishDialog({
  view,
  onPublish,
  onClose,
}: {
  view: ReportView;
  onPublish: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = view.report.year;
  const blocking = view.findings.filter(blocksPublication);
  const version = (view.record?.currentVersion ?? 0) + 1;
  const title = `${view.agency.name}${year}年政府信息公开工作年度报告`;
  const refusal = view.preview
    ? `${year}年尚未结束（${view.preview}），年度结束后方可发布。`
    : blocking.length > 0
      ? `报告有${blocking.length}处问题须先修改，不能发布：`
      : null;
  return (
    <Modal
      title="发布年度报告"
      open
      width={1100}
      onCancel={onClose}
      okText="确认发布"
      cancelText="取消"
      okButtonProps={{ disabled: refusal !== null }}
      confirmLoading={busy}
      onOk={async () => {
        setBusy(true);
        setError(null);
        try {
          await onPublish();
          onClose();
        } catch (e) {
          setError(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Flex vertical gap={12}>
        <FormError message={error} onClose={() => setError(null)} />
        {refusal ? (
          <Alert
            type="error"
            showIcon
            message={refusal}
            description={
              blocking.length > 0 ? (
                <ul style={{ margin: 0 }}>
                  {blocking.map((f) => (
                    <li key={f.rule + f.where + f.message}>
                      【{ruleName(f.rule)}】{f.message}
                    </li>
                  ))}
                </ul>
              ) : null
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            message={`检查通过。确认后，报告将作为第${version}版公布到政府信息公开专栏，表格和正文随之冻结。`}
          />
        )}
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="报告">{title}</Descriptions.Item>
          <Descriptions.Item label="版本">
            第{version}版{view.record?.revisionReason ? `（修订理由：${view.record.revisionReason}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="落款">
            {view.agency.name}{'\u3000'}
            {view.record?.signatureDate ? cnDate(view.record.signatureDate) : `${cnDate(view.today)}（发布之日）`}
          </Descriptions.Item>
          <Descriptions.Item label="法定期限">
            {cnDate(view.due.deadline)}（{view.due.basis}）
          </Descriptions.Item>
        </Descriptions>
        <Tabs
          items={[
            {
              key: 'checks',
              label: `检查结果（R1–R11${blocking.length ? `，${blocking.length}处错误` : ''}）`,
              children: (
                <Table<CheckRow>
                  size="small"
                  rowKey="rule"
                  pagination={false}
                  dataSource={checkRows(view.findings)}
                  columns={[
                    { title: '检查项', key: 'rule', width: 220, render: (_, r) => ruleName(r.rule) },
                    { title: '结果', key: 'outcome', width: 110, render: (_, r) => <Outcome findings={r.findings} /> },
                    {
                      title: '说明',
                      key: 'messages',
                      render: (_, r) =>
                        r.findings.length === 0 ? (
                          <Typography.Text type="secondary">—</Typography.Text>
                        ) : (
                          <ul style={{ margin: 0, paddingLeft: 18 }}>
                            {r.findings.map((f) => (
                              <li key={f.where + f.message}>{f.message}</li>
                            ))}
                          </ul>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'text',
              label: '正文',
              children: (
                <Flex vertical gap={8} style={{ maxHeight: 420, overflow: 'auto' }}>
                  <Typography.Title level={5} style={{ textAlign: 'center' }}>
                    {title}
                  </Typography.Title>
                  {SECTION_LABELS.map((s) => (
                    <div key={s.key}>
                      {s.key === 'preamble' ? null : <Typography.Text strong>{s.label}</Typography.Text>}
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                        {view.sections[s.key]}
                      </Typography.Paragraph>
                    </div>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'tables',
              label: '表格',
              children: (
                <div style={{ maxHeight: 420, overflow: 'auto' }}>
                  <ReportTables report={view.report} />
                </div>
              ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}
