/** Chinese labels and colours of the catalog screens. */
import type { CatalogItem } from '../../api/catalog.ts';

export const STATE_LABELS: Record<CatalogItem['state'], string> = {
  draft: '草稿',
  confidentiality_review: '待保密审查',
  approval: '待发布审核',
  published: '已发布',
  withdrawn: '已撤回',
};

export const TIMELINESS: Record<CatalogItem['timeliness'], { label: string; color: string }> = {
  on_time: { label: '按时公开', color: 'green' },
  late: { label: '逾期公开', color: 'orange' },
  soon_due: { label: '即将到期', color: 'gold' },
  pending: { label: '未到期', color: 'default' },
  overdue: { label: '已逾期未公开', color: 'red' },
};

export const STEP_LABELS: Record<string, string> = {
  submit: '提交保密审查',
  confidentiality_pass: '保密审查通过',
  approve: '发布审核通过',
  send_back: '退回修改',
  withdraw: '撤回',
  correct: '更正',
  repealed: '废止',
  lapsed: '失效',
  revised: '已修订',
};

/** 2025-03-03 → 2025年3月3日. */
export function cnDate(d: string | null | undefined): string {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '—';
}
