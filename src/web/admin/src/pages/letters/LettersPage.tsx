/**
 * 答复模板: the letters the agency sends — a reply letter per outcome of report table 三 and the
 * notices of the procedure (补正、征求意见、延期、收费、决定公开告知第三方、视为放弃申请) — each with the default wording or the
 * agency's own, edited with placeholder help, reset to default, previewed (docs/letters.md).
 */
import { useCallback, useMemo, useState } from 'react';
import { Col, Empty, Menu, Row, Spin, Typography } from 'antd';
import { lettersApi, type LetterTemplate } from '../../api/letters.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { PreviewDialog } from './PreviewDialog.tsx';
import { RemedyCard } from './RemedyCard.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

/** The notices of the procedure and the 视为放弃申请告知书 of the two lapses; every other key is a reply letter for an outcome. */
const NOTICE_KEYS = new Set([
  'correction_notice',
  'consultation_third_party',
  'consultation_agency',
  'extension_notice',
  'fee_notice',
  'third_party_disclosure',
  'date_change_notice',
  'other_no_correction',
  'other_no_fee',
]);

/** The templates screen. */
export default function LettersPage() {
  const { can } = useAuth();
  const { agencyId, agency } = useAgencySelection();
  const templates = useApiData((signal) => lettersApi.templates(agencyId, signal), [agencyId], Boolean(agencyId));
  const placeholders = useApiData((signal) => lettersApi.placeholders(signal), []);
  const [selected, setSelected] = useState('correction_notice');
  const [previewing, setPreviewing] = useState<LetterTemplate | null>(null);
  const items = useMemo(() => templates.data?.items ?? [], [templates.data]);
  const current = items.find((t) => t.key === selected) ?? items[0];
  const { setData } = templates;
  const saved = useCallback(
    (t: LetterTemplate) => setData((d) => d && { items: d.items.map((x) => (x.key === t.key ? t : x)) }),
    [setData],
  );
  const entry = (t: LetterTemplate) => ({ key: t.key, label: `${t.name}${t.overridden ? '（已修改）' : ''}` });
  const menu = [
    {
      type: 'group' as const,
      key: 'notices',
      label: '告知书、征求意见书',
      children: items.filter((t) => NOTICE_KEYS.has(t.key)).map(entry),
    },
    {
      type: 'group' as const,
      key: 'replies',
      label: '答复书（按办理结果）',
      children: items.filter((t) => !NOTICE_KEYS.has(t.key)).map(entry),
    },
  ];

  return (
    <>
      <PageHeading title="答复模板" />
      <Typography.Paragraph type="secondary">
        {agency ? <Typography.Text strong>{agency.name}：</Typography.Text> : null}
        生成答复书和告知书时使用的措辞。未修改的模板使用平台默认措辞；修改后仅对本机关生效。
      </Typography.Paragraph>
      {agencyId ? <RemedyCard agencyId={agencyId} canEdit={can('letters.manage')} /> : null}
      {templates.error ? <LoadError error={templates.error} onRetry={templates.reload} /> : null}
      {templates.loading && !templates.data ? <Spin /> : null}
      {current ? (
        <Row gutter={16}>
          <Col xs={24} lg={8} xl={7}>
            <nav aria-label="模板列表">
              <Menu
                mode="inline"
                selectedKeys={[current.key]}
                items={menu}
                onClick={({ key }) => setSelected(key)}
                style={{ borderInlineEnd: 'none', marginBottom: 16 }}
              />
            </nav>
          </Col>
          <Col xs={24} lg={16} xl={17}>
            <TemplateEditor
              template={current}
              agencyId={agencyId}
              placeholders={(placeholders.data?.items ?? []).filter((p) => current.placeholders.includes(p.name))}
              canEdit={can('letters.manage')}
              onSaved={saved}
              onPreview={() => setPreviewing(current)}
            />
          </Col>
        </Row>
      ) : templates.data ? (
        <Empty description="没有模板" />
      ) : null}
      <PreviewDialog
        template={previewing}
        agencyId={agencyId}
        placeholders={placeholders.data?.items ?? []}
        onClose={() => setPreviewing(null)}
      />
    </>
  );
}
