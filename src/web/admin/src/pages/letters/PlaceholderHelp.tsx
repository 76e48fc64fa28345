/**
 * The placeholders a template may use (those its letter is filled with, from the template's
 * `placeholders`, described by GET /api/v1/letters/placeholders); choosing one inserts it into
 * the body where the cursor is. Consultation letters offer none that names the applicant.
 */
import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import type { Placeholder } from '../../api/letters.ts';

/** The help card; `onInsert` is absent for readers who may not edit. */
export function PlaceholderHelp({
  placeholders,
  onInsert,
}: {
  placeholders: readonly Placeholder[];
  onInsert?: (token: string) => void;
}) {
  return (
    <Card size="small" title="可用的占位符" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        生成文书时替换为申请的实际内容。此模板只能使用下列占位符{onInsert ? '，点击插入正文光标处' : ''}；
        {'{{机关名称}}'}、{'{{答复日期}}'}和{'{{联系电话}}'}自动填写。
      </Typography.Paragraph>
      <Flex wrap gap={6} role="list" aria-label="可用的占位符">
        {placeholders.map((p) => (
          <Tooltip key={p.name} title={p.description}>
            <Button
              size="small"
              role="listitem"
              disabled={!onInsert}
              onClick={() => onInsert?.(`{{${p.name}}}`)}
              aria-label={`插入占位符 ${p.name}：${p.description}`}
            >
              {`{{${p.name}}}`}
            </Button>
          </Tooltip>
        ))}
      </Flex>
    </Card>
  );
}
