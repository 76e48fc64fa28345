/**
 * 救济途径: the 行政复议机关 and the court every letter of the agency names. By default derived
 * from the agency's place in the tree (《行政复议法》(2023) 第二十四条, 《行政诉讼法》第十八条), with
 * the basis shown; the agency's own setting (集中管辖, a vertically managed office…) overrides
 * either part, and a blank field returns it to the derivation. A rejected value shows its Chinese
 * message beside the field and nothing typed is lost.
 */
import { useCallback, useEffect } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { lettersApi, type LetterRemedy, type RemedyInput } from '../../api/letters.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError, LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

export function RemedyCard(props: { agencyId: string; canEdit: boolean }) {
  const { agencyId, canEdit } = props;
  const remedy = useApiData((signal) => lettersApi.remedy(agencyId, signal), [agencyId], Boolean(agencyId));
  const [form] = Form.useForm<RemedyInput>();
  const { message } = App.useApp();
  const { setData } = remedy;
  const submit = useFormSubmit(
    form,
    useCallback(
      async (values: RemedyInput) => {
        const saved = await lettersApi.saveRemedy(agencyId, {
          reviewOrgan: values.reviewOrgan ?? '',
          court: values.court ?? '',
        });
        setData(() => saved);
        message.success('已保存救济途径');
      },
      [agencyId, message, setData],
    ),
  );
  const current: LetterRemedy | undefined = remedy.data;
  useEffect(() => {
    if (current) form.setFieldsValue({ reviewOrgan: current.setting.reviewOrgan, court: current.setting.court });
  }, [form, current]);

  return (
    <Card
      size="small"
      title="救济途径（答复书中的复议机关和管辖法院）"
      style={{ marginBottom: 16 }}
      role="region"
      aria-label="救济途径"
    >
      {remedy.error ? <LoadError error={remedy.error} onRetry={remedy.reload} /> : null}
      {current ? (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="行政复议机关">
              <span className="remedy-review-organ">{current.reviewOrgan || '（未确定）'}</span>
              <Typography.Text type="secondary">（{current.reviewOrganBasis}）</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="管辖法院">
              <span className="remedy-court">{current.court || '（未确定）'}</span>
              <Typography.Text type="secondary">（{current.courtBasis}）</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {!current.reviewOrganCertain || !current.courtCertain ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="无法按机构层级确定全部救济途径，请在下面填写，答复书才能写明具体的复议机关和法院。"
            />
          ) : null}
          {current.setting.updatedAt ? (
            <Typography.Paragraph type="secondary">
              {current.setting.updatedBy ?? ''}于{formatDateTime(current.setting.updatedAt)}设置。
            </Typography.Paragraph>
          ) : null}
          <FormError message={submit.error} onClose={submit.clearError} />
          <Form form={form} name="letter-remedy" layout="vertical" onFinish={submit.onFinish} disabled={!canEdit}>
            <Form.Item label="本机关设置的行政复议机关" name="reviewOrgan" extra="留空则按机构层级推定">
              <Input maxLength={200} placeholder="如 泉州市洛江区人民政府" />
            </Form.Item>
            <Form.Item label="本机关设置的管辖法院" name="court" extra="集中管辖等特殊情形在此填写；留空则按所在地推定">
              <Input maxLength={200} placeholder="如 泉州市洛江区人民法院" />
            </Form.Item>
            {canEdit ? (
              <Button type="primary" htmlType="submit" loading={submit.submitting}>
                保存
              </Button>
            ) : null}
          </Form>
        </>
      ) : null}
    </Card>
  );
}
