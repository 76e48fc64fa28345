/**
 * 政策解读 per policy (issue 18): each 规章 / 规范性文件 the agencies of the subtree published in
 * the year, with how many published 解读 are bound to it; the policies still without one first.
 */
import { Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { DOC_TYPE_LABELS, isDocType } from '../../../../../domain/catalog/categories.ts';
import { catalogApi, type InterpretationStats } from '../../api/catalog.ts';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate } from '../catalog/labels.ts';

type Policy = InterpretationStats['policies'][number];

export function InterpretationsCard({
  rootId,
  year,
  agencyNames,
}: {
  rootId: string;
  year: number;
  /** Agency names by id, from the statistics already loaded. */
  agencyNames: ReadonlyMap<string, string>;
}) {
  const { data, error, reload } = useApiData(
    (signal) => catalogApi.interpretationStats(rootId, year, signal),
    [rootId, year],
  );
  const policies = useMemo(
    () => [...(data?.policies ?? [])].sort((a, b) => a.interpretations - b.interpretations),
    [data],
  );
  return (
    <Card size="small" title="政策解读（按政策）" role="region" aria-label="政策解读（按政策）">
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          <Typography.Paragraph>
            {`${data.year}年发布政策文件${data.totals.policies}件，其中${data.totals.withInterpretation}件已有解读，共${data.totals.interpretations}篇解读。`}
          </Typography.Paragraph>
          <Table<Policy>
            size="small"
            rowKey="id"
            dataSource={policies}
            pagination={policies.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: '政策文件', dataIndex: 'title' },
              { title: '发布机关', key: 'agency', render: (_, p) => agencyNames.get(p.agencyId) ?? '' },
              {
                title: '文种',
                key: 'docType',
                render: (_, p) => (isDocType(p.docType) ? DOC_TYPE_LABELS[p.docType] : p.docType),
              },
              { title: '发布日期', key: 'publishedOn', render: (_, p) => cnDate(p.publishedOn) },
              {
                title: '解读',
                key: 'interpretations',
                render: (_, p) => (p.interpretations > 0 ? `${p.interpretations}篇` : <Tag color="red">未解读</Tag>),
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
