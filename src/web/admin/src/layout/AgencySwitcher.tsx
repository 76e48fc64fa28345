/**
 * The agency switcher in the top bar: a searchable tree of the agencies the user may see.
 * Users who see one agency get its name instead.
 */
import { useMemo } from 'react';
import { Flex, TreeSelect, Typography } from 'antd';
import { buildAgencyTree } from '../lib/agencyTree.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { useAgencySelection } from './AgencyContext.tsx';

/** The switcher, or the user's agency name when there is nothing to switch. */
export function AgencySwitcher() {
  const me = useMe();
  const { agencies, agencyId, agency, canSwitch, setAgencyId } = useAgencySelection();
  const tree = useMemo(() => buildAgencyTree(agencies), [agencies]);

  if (!canSwitch) {
    return <Typography.Text style={{ color: 'inherit' }}>{agency?.name ?? me.agencyName}</Typography.Text>;
  }
  return (
    <Flex align="center" gap={8}>
      <label htmlFor="agency-switcher" style={{ whiteSpace: 'nowrap' }}>
        当前机构
      </label>
      <TreeSelect
        id="agency-switcher"
        value={agencyId}
        treeData={tree}
        onChange={(id: string) => setAgencyId(id)}
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        popupMatchSelectWidth={false}
        style={{ width: 300, maxWidth: '60vw' }}
        placeholder="选择机构"
      />
    </Flex>
  );
}
