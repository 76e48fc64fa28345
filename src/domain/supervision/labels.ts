/** Chinese labels of the supervisor's statistics, shared by the API's exports and the console. */
import { ARTICLE_20_ITEMS, ARTICLE_21_ITEMS } from '../catalog/categories.ts';
import { TABLE3_ROWS_V2021, type OutcomeKey } from '../report/table3-rows.ts';

/** A table 三 leaf row as one line: （三）不予公开 1.属于国家秘密. */
export function outcomeLabel(key: OutcomeKey): string {
  const row = TABLE3_ROWS_V2021.find((r) => r.key === key);
  return row ? row.path.slice(1).join(' ') : key;
}

/** 第二十条第（一）项 行政法规、规章和规范性文件 — or the 第二十一条 item's name. */
export function statutoryItemLabel(key: string): string {
  const item = [...ARTICLE_20_ITEMS, ...ARTICLE_21_ITEMS].find((i) => i.key === key);
  return item ? `${item.article} ${item.name}` : key;
}

export const REPORT_STATE_LABELS = {
  published: '已发布',
  year_not_ended: '年度未结束',
  not_due: '未到期',
  due_soon: '即将到期',
  overdue: '逾期未发布',
} as const;

export const REPORT_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
};
