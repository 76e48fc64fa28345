/**
 * An audit event opened in the table: the record before and after the change, and the
 * event's hash in its agency's chain.
 */
import { Col, Row, Typography } from 'antd';
import type { AuditEvent } from '../../api/types.ts';
import { EMPTY } from '../../lib/format.ts';

const preStyle = {
  margin: 0,
  padding: 12,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  maxHeight: 320,
  overflow: 'auto',
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <section aria-label={title}>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {EMPTY}
        </Typography.Paragraph>
      ) : (
        <pre style={{ ...preStyle, marginTop: 8 }} tabIndex={0}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </section>
  );
}

/** The expanded row. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <JsonBlock title="变更前" value={event.before} />
        </Col>
        <Col xs={24} lg={12}>
          <JsonBlock title="变更后" value={event.after} />
        </Col>
      </Row>
      {/* Plain rows, not Descriptions: inside a max-content table a Descriptions grows without bound. */}
      <dl style={{ margin: '12px 0 0', display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}>
        <dt>对象标识</dt>
        <dd style={{ margin: 0 }}>{event.subjectId ?? EMPTY}</dd>
        <dt>哈希</dt>
        <dd style={{ margin: 0 }}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {event.hash}
          </Typography.Text>
        </dd>
      </dl>
    </div>
  );
}
