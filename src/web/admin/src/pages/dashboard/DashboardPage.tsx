/**
 * 工作台: the chosen agency's figures and warnings, as GET /api/v1/dashboard reports them.
 * Which cards appear is the server's choice, so features add figures without touching this screen.
 */
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { LEVEL_LABELS } from '../../lib/agencyTree.ts';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { TodoCard } from './TodoCard.tsx';

/** The dashboard screen. */
export default function DashboardPage() {
  const { agencyId } = useAgencySelection();
  const { data, error, loading, reload } = useApiData((signal) => api.dashboard(agencyId, signal), [agencyId]);
  const canReadApplications = useAuth().can('applications.read');

  return (
    <>
      <PageHeading title="工作台" />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {loading && !data ? <Skeleton active /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {data.agency.name}
            {data.agency.level ? `（${LEVEL_LABELS[data.agency.level]}）` : ''}
          </Typography.Text>
          {canReadApplications ? <TodoCard agencyId={agencyId} /> : null}
          {data.warnings.length > 0 ? (
            <section aria-label="提醒">
              <Flex vertical gap={8}>
                {data.warnings.map((w, i) => (
                  <Alert key={`${w.code}-${i}`} type="warning" showIcon message={w.message} />
                ))}
              </Flex>
            </section>
          ) : null}
          {data.cards.length === 0 ? (
            <Empty description="暂无统计数据" />
          ) : (
            <Row gutter={[16, 16]}>
              {data.cards.map((card) => (
                <Col key={card.key} xs={24} sm={12} lg={8} xl={6}>
                  <Card role="region" aria-label={card.label}>
                    <Statistic title={card.label} value={card.value} />
                    {card.hint ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {card.hint}
                      </Typography.Text>
                    ) : null}
                  </Card>
                </Col>
              ))}
            </Row>
          )}
        </Flex>
      ) : null}
    </>
  );
}
