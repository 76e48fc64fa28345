/**
 * 申请导入与编号: the applications tools an agency sets up once — importing its historical
 * applications (ImportPanel) and the 申请编号 pattern (TrackingPatternPanel).
 */
import { Tabs } from 'antd';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { PageHeading } from '../../lib/ui.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { TrackingPatternPanel } from './TrackingPatternPanel.tsx';

export default function ApplicationToolsPage() {
  const { agencyId, agency } = useAgencySelection();
  const { can } = useAuth();
  const tabs = [
    ...(can('applications.register')
      ? [
          {
            key: 'import',
            label: '历史数据导入',
            children: <ImportPanel agencyId={agencyId} agencyName={agency?.name ?? ''} />,
          },
        ]
      : []),
    { key: 'pattern', label: '申请编号格式', children: <TrackingPatternPanel agencyId={agencyId} /> },
  ];
  return (
    <>
      <PageHeading title="申请导入与编号" />
      {agencyId ? <Tabs items={tabs} destroyOnHidden /> : null}
    </>
  );
}
