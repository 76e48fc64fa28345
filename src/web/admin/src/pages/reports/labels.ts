/** Labels of the report screens. */
export const STATUS_LABELS: Record<string, { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  review: { text: '审核中', color: 'processing' },
  published: { text: '已发布', color: 'success' },
};

export const DUE_LABELS: Record<string, { text: string; color: string }> = {
  published: { text: '已发布', color: 'success' },
  year_not_ended: { text: '年度未结束（可预览）', color: 'default' },
  not_due: { text: '未到提醒期', color: 'default' },
  due_soon: { text: '即将到期', color: 'warning' },
  overdue: { text: '逾期未发布', color: 'error' },
};

export const SECTION_LABELS: Array<{
  key: 'preamble' | 'overview' | 'problems' | 'other';
  label: string;
  rows: number;
}> = [
  { key: 'preamble', label: '引言', rows: 4 },
  { key: 'overview', label: '一、总体情况', rows: 14 },
  { key: 'problems', label: '五、存在的主要问题及改进情况', rows: 6 },
  { key: 'other', label: '六、其他需要报告的事项', rows: 3 },
];

/** 2021-01-06 → 2021年1月6日 */
export function cnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '—';
}
