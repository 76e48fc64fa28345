/**
 * 机构管理: the tree of agencies the user may see; choosing one shows it (and makes it the
 * console's current agency, as the top-bar switcher would).
 */
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Skeleton, Tree } from 'antd';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { ancestorIds, buildAgencyTree, expandableKeys } from '../../lib/agencyTree.ts';
import { PageHeading } from '../../lib/ui.tsx';
import { AgencyDetail } from './AgencyDetail.tsx';

/** The agencies screen. */
export default function AgenciesPage() {
  const { agencies, agenciesLoading, agencyId, setAgencyId } = useAgencySelection();
  const tree = useMemo(() => buildAgencyTree(agencies), [agencies]);
  // The whole tree starts open; the user may fold branches. Choosing an agency (here, in the
  // switcher, or by creating one) opens the branches above it so it is visible.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const shownExpanded = useMemo(() => expanded ?? expandableKeys(tree), [expanded, tree]);
  useEffect(() => {
    const above = ancestorIds(agencies, agencyId);
    setExpanded((prev) => (prev === null ? prev : [...new Set([...prev, ...above])]));
  }, [agencies, agencyId]);

  return (
    <>
      <PageHeading title="机构管理" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xxl={6}>
          <Card title="机构树" styles={{ body: { overflowX: 'auto' } }}>
            {agenciesLoading && agencies.length === 0 ? <Skeleton active /> : null}
            {!agenciesLoading && agencies.length === 0 ? <Empty description="没有可查看的机构" /> : null}
            {tree.length > 0 ? (
              <Tree
                aria-label="机构树"
                treeData={tree}
                showLine
                blockNode
                expandedKeys={shownExpanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={[agencyId]}
                onSelect={(keys) => {
                  const id = keys[0];
                  if (typeof id === 'string') setAgencyId(id);
                }}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={16} xxl={18}>
          {/* Keyed by id: choosing another agency starts from its own data, not the previous form. */}
          <AgencyDetail key={agencyId} agencyId={agencyId} />
        </Col>
      </Row>
    </>
  );
}
