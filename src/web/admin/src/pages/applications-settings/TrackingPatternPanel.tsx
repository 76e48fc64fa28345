/**
 * 申请编号格式: the agency's pattern for tracking numbers (e.g. 洛工信依申〔{year}〕{seq}号), checked
 * as it is typed with the same rules the server applies, and a preview of the number the next
 * application will get. Only the office head (负责人) may change it; the year's counter runs on.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { checkTrackingPattern, formatTrackingNumber } from '../../../../../domain/applications/tracking.ts';
import { applicationToolsApi, type TrackingSettings } from '../../api/applications-settings.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { busy, FormError, LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

/** The number the next application would get under `pattern`, or null while the pattern is wrong. */
function preview(pattern: string | undefined, s: TrackingSettings): string | null {
  if (!pattern || checkTrackingPattern(pattern.trim())) return null;
  return formatTrackingNumber(pattern.trim(), s.year, s.nextSeq);
}

export function TrackingPatternPanel({ agencyId }: { agencyId: string }) {
  const settings = useApiData((signal) => applicationToolsApi.settings(agencyId, signal), [agencyId]);
  const [form] = Form.useForm<{ trackingPattern: string }>();
  const typed = Form.useWatch('trackingPattern', form);
  const submit = useFormSubmit(form, async ({ trackingPattern }: { trackingPattern: string }) => {
    const saved = await applicationToolsApi.saveSettings(agencyId, { trackingPattern });
    settings.setData(() => saved);
  });
  const [lateSaving, setLateSaving] = useState(false);
  const [lateError, setLateError] = useState<string | null>(null);
  const saveLate = async (lateFeePaymentAcceptable: boolean) => {
    setLateSaving(true);
    setLateError(null);
    try {
      const saved = await applicationToolsApi.saveSettings(agencyId, { lateFeePaymentAcceptable });
      settings.setData(() => saved);
    } catch (err) {
      setLateError(err instanceof Error ? err.message : String(err));
    } finally {
      setLateSaving(false);
    }
  };
  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />;
  const s = settings.data;
  if (!s) return null;
  const next = preview(typed ?? s.trackingPattern, s);
  return (
    <Card title="申请编号格式">
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前格式">
          {s.trackingPattern}
          {s.isDefault ? '（平台默认，尚未设置）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="下一个申请编号">{s.nextNumber}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        {'{year}'} 为收到申请的年份，{'{seq}'} 为当年的序号（{'{seq:4}'} 补零至4位，如
        0012）。已有的申请编号不变；修改后新收到的申请按新格式编号，序号接续。
      </Typography.Paragraph>
      {!s.canEdit ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="只有负责人可以修改申请编号格式。" />
      ) : null}
      <Form
        form={form}
        name="tracking"
        layout="vertical"
        onFinish={submit.onFinish}
        initialValues={{ trackingPattern: s.trackingPattern }}
        style={{ maxWidth: 560 }}
        disabled={!s.canEdit}
      >
        <FormError message={submit.error} onClose={submit.clearError} />
        <Form.Item
          name="trackingPattern"
          label="申请编号格式"
          extra={next ? `预览：下一个申请编号为 ${next}` : undefined}
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                const problem = checkTrackingPattern((v ?? '').trim());
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={60} placeholder="如：洛工信依申〔{year}〕{seq}号" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy(submit.submitting)}>
          保存
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        逾期缴费（解释性设置）
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        国办函〔2020〕109号：申请人应当在收到收费通知次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请；该文件未规定“正当理由”例外。开启后，缴费日期晚于缴费期限的，登记时写明理由可予接受，并记入审计日志。
      </Typography.Paragraph>
      <FormError message={lateError} onClose={() => setLateError(null)} />
      <Switch
        checked={s.lateFeePaymentAcceptable}
        loading={lateSaving}
        disabled={!s.canEdit}
        onChange={(v) => void saveLate(v)}
        checkedChildren="写明理由可予接受"
        unCheckedChildren="不予接受"
        aria-label="逾期缴费写明理由可予接受"
      />
    </Card>
  );
}
