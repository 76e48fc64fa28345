/**
 * One complaint: what was complained about, the complainant (contact masked for the agency
 * complained about), the handling steps and the result; for the supervising office the forms to
 * record a step and to conclude it.
 */
import { Alert, Descriptions, Divider, Drawer, Empty, Tag, Timeline, Typography } from 'antd';
import { complaintsApi } from '../../api/complaints.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { EMPTY, formatDate } from '../../lib/format.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { ConclusionForm, StepForm } from './HandlingForms.tsx';
import { COMPLAINT_KIND_LABELS, COMPLAINT_RESULT_LABELS, COMPLAINT_STATUS_LABELS, STATUS_COLOURS } from './labels.ts';

/** The drawer of complaint `id` (null = closed); `onChanged` reloads the list after a change. */
export function ComplaintDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { can } = useAuth();
  const detail = useApiData((signal) => complaintsApi.get(id!, signal), [id], id !== null);
  const d = id !== null && detail.data?.complaint.id === id ? detail.data : undefined;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  const c = d?.complaint;
  const canHandle = can('complaints.manage') && c && c.status !== 'concluded';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      title={c ? `${COMPLAINT_KIND_LABELS[c.kind]}：${c.agencyName}` : '投诉举报'}
      destroyOnHidden
    >
      {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {c && d ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'status',
                label: '状态',
                children: <Tag color={STATUS_COLOURS[c.status]}>{COMPLAINT_STATUS_LABELS[c.status]}</Tag>,
              },
              { key: 'agency', label: '被投诉（举报）机构', children: c.agencyName },
              { key: 'receiving', label: '受理机关', children: c.receivingAgencyName },
              { key: 'received', label: '收到日期', children: formatDate(c.receivedDate) },
              { key: 'complainant', label: '投诉（举报）人', children: c.complainant },
              {
                key: 'contact',
                label: '联系方式',
                children: c.contact ? `${c.contact}${c.contactMasked ? '（已隐去部分号码）' : ''}` : EMPTY,
              },
              {
                key: 'subject',
                label: '事项',
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.subject}</Typography.Paragraph>
                ),
              },
            ]}
          />
          <Divider orientation="left">办理环节</Divider>
          {d.steps.length === 0 ? (
            <Empty description="尚未记录办理环节" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={d.steps.map((s) => ({
                key: s.id,
                children: (
                  <>
                    <Typography.Text strong>
                      {formatDate(s.date)} {s.action}
                    </Typography.Text>
                    <Typography.Text type="secondary">（{s.actorName}）</Typography.Text>
                    {s.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div> : null}
                  </>
                ),
              }))}
            />
          )}
          {c.status === 'concluded' && c.result ? (
            <Alert
              type="success"
              showIcon
              message={`${formatDate(c.concludedDate)}办结：${COMPLAINT_RESULT_LABELS[c.result]}`}
              description={c.resultNote || undefined}
            />
          ) : null}
          {canHandle ? (
            <>
              <Divider orientation="left">记录办理环节</Divider>
              <StepForm id={c.id} onSaved={changed} />
              <Divider orientation="left">办结</Divider>
              <ConclusionForm id={c.id} onSaved={changed} />
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
