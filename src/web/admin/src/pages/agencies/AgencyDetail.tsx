/**
 * One agency: its details, editing them, and creating a child agency below it.
 */
import { useCallback, useState } from 'react';
import { App, Button, Card, Descriptions, Skeleton } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { Agency, AgencyInput } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { LEVEL_LABELS } from '../../lib/agencyTree.ts';
import { EMPTY } from '../../lib/format.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { AgencyForm, newAgencyValues } from './AgencyForm.tsx';

type Mode = 'view' | 'edit' | 'create';

function toInput(agency: Agency): AgencyInput {
  const { id: _id, ...input } = agency;
  return input;
}

function AgencyDescriptions({ agency, parentName }: { agency: Agency; parentName: string }) {
  const text = (value: string) => value || EMPTY;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: '机构名称', children: agency.name, span: 'filled' },
        { key: 'shortName', label: '简称', children: text(agency.shortName) },
        { key: 'code', label: '机构代码', children: text(agency.code) },
        { key: 'level', label: '层级', children: LEVEL_LABELS[agency.level] ?? agency.level },
        { key: 'parent', label: '上级机构', children: parentName },
        { key: 'makesRules', label: '可制定规章', children: agency.makesRules ? '是' : '否', span: 'filled' },
        { key: 'address', label: '地址', children: text(agency.contact.address), span: 'filled' },
        { key: 'postcode', label: '邮编', children: text(agency.contact.postcode) },
        { key: 'hours', label: '办公时间', children: text(agency.contact.hours) },
        { key: 'phone', label: '电话', children: text(agency.contact.phone) },
        { key: 'fax', label: '传真', children: text(agency.contact.fax) },
        { key: 'email', label: '电子邮箱', children: text(agency.contact.email), span: 'filled' },
      ]}
    />
  );
}

/** The detail card of agency `agencyId`. */
export function AgencyDetail({ agencyId }: { agencyId: string }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const { agencies, reloadAgencies, setAgencyId } = useAgencySelection();
  const [mode, setMode] = useState<Mode>('view');
  const detail = useApiData((signal) => api.agency(agencyId, signal), [agencyId]);
  const agency = detail.data;
  const canManage = can('agencies.manage');

  const save = useCallback(
    async (values: AgencyInput) => {
      const saved = await api.updateAgency(agencyId, values);
      detail.setData(() => saved);
      reloadAgencies();
      setMode('view');
      message.success('机构信息已保存');
    },
    [agencyId, detail, reloadAgencies, message],
  );
  const create = useCallback(
    async (values: AgencyInput) => {
      const created = await api.createAgency(values);
      reloadAgencies();
      setMode('view');
      setAgencyId(created.id);
      message.success(`已新建机构“${created.name}”`);
    },
    [reloadAgencies, setAgencyId, message],
  );

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!agency)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  if (mode === 'edit') {
    return (
      <Card title={`编辑：${agency.name}`}>
        <AgencyForm
          formName="agency-edit"
          initialValues={toInput(agency)}
          agencies={agencies}
          editingId={agency.id}
          submitLabel="保存"
          onSubmit={save}
          onCancel={() => setMode('view')}
        />
      </Card>
    );
  }
  if (mode === 'create') {
    return (
      <Card title={`新建下级机构（上级：${agency.name}）`}>
        <AgencyForm
          formName="agency-create"
          initialValues={newAgencyValues(agency)}
          agencies={agencies}
          submitLabel="新建"
          onSubmit={create}
          onCancel={() => setMode('view')}
        />
      </Card>
    );
  }
  const parentName = agency.parentId
    ? (agencies.find((a) => a.id === agency.parentId)?.name ?? EMPTY)
    : '无（顶级机构）';
  return (
    <Card
      title={agency.name}
      extra={
        canManage ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => setMode('edit')} style={{ marginInlineEnd: 8 }}>
              编辑
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode('create')}>
              新建下级机构
            </Button>
          </>
        ) : null
      }
    >
      <AgencyDescriptions agency={agency} parentName={parentName} />
    </Card>
  );
}
