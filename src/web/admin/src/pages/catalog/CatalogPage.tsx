/**
 * 主动公开: the catalog list (tabs by workflow state, the review queues, and the items that need
 * attention under 第二十六条 coloured late / soon due), the editor of a new draft, and the item
 * page. A supervisor sees its subtree and the late counts per agency.
 */
import { useMemo, useState } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Input, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { catalogApi, type CatalogItem } from '../../api/catalog.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useAgencySearch, useAgencySelection } from '../../layout/AgencyContext.tsx';
import { LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { FullTextSearch } from './FullTextSearch.tsx';
import { ItemEditor, type EditorStart } from './ItemEditor.tsx';
import ItemPage from './ItemPage.tsx';
import { cnDate, STATE_LABELS, TIMELINESS } from './labels.ts';

const TABS: Array<{ key: string; label: string; states?: string[]; attention?: boolean }> = [
  { key: 'all', label: '全部' },
  { key: 'attention', label: '逾期和即将到期', attention: true },
  { key: 'draft', label: '草稿', states: ['draft'] },
  { key: 'review', label: '待保密审查', states: ['confidentiality_review'] },
  { key: 'approval', label: '待发布审核', states: ['approval'] },
  { key: 'published', label: '已发布', states: ['published'] },
  { key: 'withdrawn', label: '已撤回', states: ['withdrawn'] },
  { key: 'search', label: '全文检索' },
];

function List() {
  const { agencyId } = useAgencySelection();
  const { can } = useAuth();
  const search = useAgencySearch();
  const navigate = useNavigate();
  const initialTab =
    can('catalog.review') && !can('catalog.edit')
      ? 'review'
      : can('catalog.approve') && !can('catalog.edit')
        ? 'approval'
        : 'all';
  const [tab, setTab] = useState(initialTab);
  const [text, setText] = useState('');
  const [subtree, setSubtree] = useState(false);
  const [page, setPage] = useState(1);
  const t = TABS.find((x) => x.key === tab)!;
  const query = useMemo(
    () => ({ agencyId, state: t.states?.[0], attention: t.attention, text, subtree, page, pageSize: 20 }),
    [agencyId, t, text, subtree, page],
  );
  const searching = tab === 'search';
  const list = useApiData(
    (signal) => catalogApi.list(query, signal),
    [JSON.stringify(query)],
    Boolean(agencyId) && !searching,
  );
  const late = useApiData(
    (signal) => catalogApi.late(agencyId, signal),
    [agencyId, subtree],
    Boolean(agencyId) && subtree,
  );
  const columns: TableColumnsType<CatalogItem> = [
    {
      title: '标题',
      key: 'title',
      render: (_, r) => (
        <a
          href={`/admin/catalog/${r.id}${search}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/catalog/${r.id}${search}`);
          }}
        >
          {r.title}
        </a>
      ),
    },
    { title: '索引号', dataIndex: 'indexNo', key: 'indexNo', render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'state', render: (_, r) => STATE_LABELS[r.state] },
    { title: '成文日期', key: 'formedOn', render: (_, r) => cnDate(r.formedOn) },
    {
      title: '公开期限',
      key: 'due',
      render: (_, r) => (
        <Tag color={TIMELINESS[r.timeliness].color} title={r.dueExplanation}>
          {cnDate(r.dueOn)} {TIMELINESS[r.timeliness].label}
        </Tag>
      ),
    },
    { title: '发布日期', key: 'publishedOn', render: (_, r) => cnDate(r.publishedOn) },
  ];
  return (
    <>
      <PageHeading
        title="主动公开"
        extra={
          can('catalog.edit') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/catalog/new${search}`)}>
              起草信息
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setPage(1);
        }}
        items={TABS.map((x) => ({ key: x.key, label: x.label }))}
      />
      {searching ? (
        <FullTextSearch />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Input.Search
              allowClear
              placeholder="标题、索引号或文号"
              style={{ width: 280, marginRight: 16 }}
              onSearch={(v) => {
                setText(v);
                setPage(1);
              }}
              aria-label="搜索"
            />
            <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)}>
              包括下级机构
            </Checkbox>
          </Card>
          {subtree && late.data ? (
            <Card size="small" title="所辖机构第二十六条执行情况" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="agencyId"
                pagination={false}
                dataSource={late.data.items}
                columns={[
                  { title: '机构', dataIndex: 'agencyName' },
                  {
                    title: '逾期未公开',
                    dataIndex: 'overdue',
                    render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
                  },
                  { title: '本年逾期公开', dataIndex: 'publishedLateThisYear' },
                ]}
              />
            </Card>
          ) : null}
          {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
          <Table<CatalogItem>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => `共 ${n} 条`,
            }}
          />
        </>
      )}
    </>
  );
}

/** A new draft; `?revises=ID` starts the revision of a published 规章 or 规范性文件 from its fields and text. */
function NewItem() {
  const { agencyId } = useAgencySelection();
  const search = useAgencySearch();
  const navigate = useNavigate();
  const revises = useSearchParams()[0].get('revises');
  const old = useApiData((signal) => catalogApi.get(revises!, signal), [revises], Boolean(revises));
  const target = old.data?.agencyId ?? agencyId;
  const meta = useApiData(
    (signal) => catalogApi.meta(target, signal),
    [target],
    Boolean(target) && (!revises || Boolean(old.data)),
  );
  const policies = useApiData((signal) => catalogApi.policies(target, signal), [target], Boolean(target));
  const start: EditorStart | undefined = old.data
    ? {
        title: `${old.data.title}（修订）`,
        docType: old.data.docType,
        statutoryItem: old.data.statutoryItem,
        categoryId: old.data.categoryId,
        summary: old.data.summary,
        bodyHtml: old.data.bodyHtml,
        replacesId: old.data.id,
        replaces: { id: old.data.id, title: old.data.title },
      }
    : undefined;
  return (
    <>
      <PageHeading
        title={revises ? '起草修订文件' : '起草主动公开信息'}
        extra={<Button onClick={() => navigate(`/catalog${search}`)}>返回列表</Button>}
      />
      {meta.error || old.error ? (
        <LoadError
          error={meta.error ?? old.error}
          onRetry={() => {
            old.reload();
            meta.reload();
          }}
        />
      ) : null}
      {meta.data && (!revises || start) ? (
        <ItemEditor
          meta={meta.data}
          policies={policies.data?.items ?? []}
          initial={start}
          submitLabel="保存草稿"
          onSave={async (input) => {
            const created = await catalogApi.create(target, input);
            navigate(`/catalog/${created.id}${search}`);
          }}
        />
      ) : null}
    </>
  );
}

/** The screen: the list at /admin/catalog, a new draft at /admin/catalog/new, an item at /admin/catalog/:id. */
export default function CatalogPage() {
  return (
    <Routes>
      <Route index element={<List />} />
      <Route path="new" element={<NewItem />} />
      <Route path=":id" element={<ItemPage />} />
    </Routes>
  );
}
