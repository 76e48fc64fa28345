/**
 * The audit viewer's filters: agency, actor, action, subject type and a date range.
 */
import { useMemo } from 'react';
import { Button, Col, DatePicker, Flex, Form, Input, Row, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Agency } from '../../api/types.ts';
import type { Query } from '../../api/client.ts';
import { buildAgencyTree } from '../../lib/agencyTree.ts';

/** What the filter form holds. */
export interface AuditFilterValues {
  agencyId?: string;
  actor?: string;
  action?: string;
  subjectType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * The API query for the filters. Dates are whole days in the browser's time zone, sent as
 * instants: `from` inclusive, `to` exclusive (the start of the day after the last day).
 */
export function auditQuery(values: AuditFilterValues): Query {
  const [start, end] = values.range ?? [null, null];
  return {
    agencyId: values.agencyId,
    actor: values.actor?.trim(),
    action: values.action?.trim(),
    subjectType: values.subjectType?.trim(),
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

/** The filter form; `onSearch` gets the values when 查询 is pressed or the form is reset. */
export function AuditFilters(props: {
  agencies: readonly Agency[];
  initialValues: AuditFilterValues;
  onSearch: (v: AuditFilterValues) => void;
}) {
  const { agencies, initialValues, onSearch } = props;
  const [form] = Form.useForm<AuditFilterValues>();
  const tree = useMemo(() => buildAgencyTree(agencies), [agencies]);
  return (
    <Form form={form} name="audit-filter" layout="vertical" initialValues={initialValues} onFinish={onSearch}>
      <Row gutter={16}>
        {agencies.length > 1 ? (
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="机构" name="agencyId">
              <TreeSelect
                treeData={tree}
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                allowClear
                placeholder="全部机构"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="操作人" name="actor">
            <Input placeholder="姓名或用户名" allowClear maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="动作" name="action">
            <Input placeholder="如 user.create" allowClear maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="对象类型" name="subjectType">
            <Input placeholder="如 user、agency" allowClear maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="日期范围" name="range">
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label=" " colon={false}>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({
                    agencyId: undefined,
                    actor: undefined,
                    action: undefined,
                    subjectType: undefined,
                    range: undefined,
                  });
                  onSearch({});
                }}
              >
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
