/**
 * The imported reports, one row an agency, under a line that explains them and a filter by the
 * agency's name: the 年报体检 list and the 年报库 both show them so.
 */
import { useState, type ReactNode } from 'react';
import { Flex, Input, Table, Typography, type TableColumnsType, type TableProps } from 'antd';

/** The table of agencies with its explanation and name filter; `agencyName` says a row's agency. */
export function AgencyReportsTable<T extends object>({
  intro,
  rows,
  agencyName,
  rowKey,
  loading,
  columns,
  scroll,
}: {
  intro: ReactNode;
  rows: T[];
  agencyName: (row: T) => string;
  rowKey: keyof T & string;
  loading: boolean;
  columns: TableColumnsType<T>;
  scroll?: TableProps<T>['scroll'];
}) {
  const [filter, setFilter] = useState('');
  const shown = rows.filter((r) => agencyName(r).includes(filter.trim()));
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{intro}</Typography.Text>
        <Input.Search
          aria-label="按机关名称筛选"
          placeholder="按机关名称筛选"
          allowClear
          style={{ width: 240 }}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </Flex>
      <Table<T>
        rowKey={rowKey}
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50 } : false}
        scroll={scroll}
        locale={{ emptyText: '尚未导入年度报告' }}
      />
    </>
  );
}
