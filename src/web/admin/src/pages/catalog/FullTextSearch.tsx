/**
 * 全文检索 in the console: the same Chinese full-text search as the portal (jieba words, FTS5 /
 * tsvector), over the published items of the selected agency and its subordinates, best match
 * or newest first, with the matched words highlighted. Drafts are not in the index: an item
 * becomes searchable the moment it is published.
 */
import { useState } from 'react';
import type { Static } from 'typebox';
import { Empty, Input, List, Radio, Typography } from 'antd';
import type { SearchAnswerSchema } from '../../../../../modules/search/search.schemas.ts';
import { request } from '../../api/client.ts';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { LoadError } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { cnDate } from './labels.ts';

/** The answer of GET /api/v1/public/search: the server's schema, never a copy. */
type SearchAnswer = Static<typeof SearchAnswerSchema>;
type Hit = SearchAnswer['hits'][number];

/** The search tab of the catalog screen. */
export function FullTextSearch() {
  const { agency } = useAgencySelection();
  const [q, setQ] = useState('');
  const [order, setOrder] = useState<'relevance' | 'date'>('relevance');
  const [page, setPage] = useState(1);
  const enabled = Boolean(agency && q.trim());
  const result = useApiData(
    (signal) =>
      request<SearchAnswer>('GET', '/public/search', {
        query: { q, agency: agency?.code, order, page, pageSize: 20 },
        signal,
      }),
    [q, agency?.code, order, page],
    enabled,
  );
  return (
    <>
      <Input.Search
        allowClear
        enterButton="检索"
        placeholder="输入词语，如：复议、安全生产、申请"
        aria-label="全文检索"
        style={{ maxWidth: 480, marginRight: 16, marginBottom: 12 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
      />
      <Radio.Group
        value={order}
        onChange={(e) => setOrder(e.target.value)}
        optionType="button"
        options={[
          { label: '相关度', value: 'relevance' },
          { label: '发布日期', value: 'date' },
        ]}
      />
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {enabled ? (
        <List<Hit>
          loading={result.loading}
          dataSource={result.data?.hits ?? []}
          locale={{ emptyText: <Empty description="没有找到匹配的已公开信息" /> }}
          header={
            result.data ? (
              <Typography.Text type="secondary">
                共 {result.data.total} 条{result.data.totalExact ? '' : '以上'}；检索词：{result.data.words.join('、')}
              </Typography.Text>
            ) : null
          }
          pagination={{
            current: page,
            pageSize: 20,
            total: result.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          renderItem={(hit) => (
            <List.Item key={hit.id}>
              <List.Item.Meta
                title={
                  <a
                    href={`/gk/items/${hit.id}`}
                    target="_blank"
                    rel="noreferrer"
                    dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
                  />
                }
                description={`${hit.indexNo ?? ''} · 发布于 ${cnDate(hit.publishedOn)}`}
              />
              <div dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            </List.Item>
          )}
        />
      ) : null}
    </>
  );
}
