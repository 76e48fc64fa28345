/**
 * 待办 on the dashboard: what waits for the signed-in person (GET /api/v1/applications-todo), each
 * kind with its count, how many are overdue or due within 3 working days, the most urgent few,
 * and a link to the inbox filtered on it.
 */
import { Badge, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { applicationsApi, type Todo } from '../../api/applications.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate } from '../applications/labels.ts';

type Group = Todo['groups'][number];

const URGENCY: Record<Group['items'][number]['urgency'], { color?: string; text: string }> = {
  overdue: { color: 'red', text: '已超期' },
  dueSoon: { color: 'orange', text: '即将到期' },
  later: { color: 'blue', text: '' },
  none: { text: '' },
};

function GroupCard({ group, search }: { group: Group; search: string }) {
  const inbox = `/applications${search}${search ? '&' : '?'}waiting=${group.kind}`;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{group.label}</span>
          <Badge
            count={group.count}
            showZero
            color={group.count === 0 ? '#bbb' : group.waiting ? '#1677ff' : '#fa541c'}
          />
        </Flex>
      }
      extra={<Link to={inbox}>全部</Link>}
      aria-label={group.label}
      className="todo-group"
      data-kind={group.kind}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {group.hint}
        {group.overdue > 0 ? <Typography.Text type="danger">{`；已超期${group.overdue}件`}</Typography.Text> : null}
        {group.dueSoon > 0 ? (
          // Ant Design's warning colour fails WCAG AA contrast on white at this size, and so does gold-8
          // (#ad6800, 4.4:1); gold-9 (#874d00, 6.8:1) passes.
          <Typography.Text style={{ color: '#874d00' }}>{`；3个工作日内到期${group.dueSoon}件`}</Typography.Text>
        ) : null}
      </Typography.Paragraph>
      {group.items.length === 0 ? (
        <Typography.Text type="secondary">暂无</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={group.items}
          renderItem={({ application: a, urgency }) => (
            <List.Item key={a.id} style={{ paddingInline: 0 }}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Link to={`/applications/${a.id}${search}`}>{a.trackingNumber}</Link>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {a.applicantName}：{a.infoSummary}
                </Typography.Text>
              </Flex>
              {a.replyDue ? (
                <Tag color={URGENCY[urgency].color} className="todo-due" data-urgency={urgency}>
                  {cnDate(a.replyDue)}
                  {URGENCY[urgency].text ? ` ${URGENCY[urgency].text}` : ''}
                </Tag>
              ) : (
                <Tag>未起算</Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The person's 待办 in the chosen agency; nothing when they do no application work there. */
export function TodoCard({ agencyId }: { agencyId: string }) {
  const search = useAgencySearch();
  const { data, error, reload } = useApiData((signal) => applicationsApi.todo(agencyId, signal), [agencyId]);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data || data.groups.length === 0) return null;
  const work = data.groups.filter((g) => !g.waiting);
  const waiting = data.groups.filter((g) => g.waiting);
  return (
    <section aria-label="我的待办">
      <Typography.Title level={4}>我的待办</Typography.Title>
      <Typography.Paragraph type="secondary">
        超期和3个工作日内（至{cnDate(data.dueSoonLimit)}）到期的排在前面。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {work.map((g) => (
          <Col key={g.kind} xs={24} md={12} xl={8}>
            <GroupCard group={g} search={search} />
          </Col>
        ))}
      </Row>
      {waiting.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            等待申请人或他方
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {waiting.map((g) => (
              <Col key={g.kind} xs={24} md={12} xl={8}>
                <GroupCard group={g} search={search} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </section>
  );
}
