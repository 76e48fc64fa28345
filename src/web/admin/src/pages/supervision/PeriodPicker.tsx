/** The statistics period: a year, a quarter or a month of it, or two dates (the server checks them). */
import { Input, Segmented, Select, Space } from 'antd';
import type { PeriodQuery } from '../../api/supervision.ts';

export type PeriodMode = 'year' | 'quarter' | 'month' | 'dates';

export interface PeriodState {
  mode: PeriodMode;
  year: string;
  quarter: string;
  month: string;
  from: string;
  to: string;
}

/** What the API takes for a period state. */
export function periodQuery(p: PeriodState): PeriodQuery {
  if (p.mode === 'dates') return { from: p.from, to: p.to };
  if (p.mode === 'quarter') return { year: p.year, quarter: p.quarter };
  if (p.mode === 'month') return { year: p.year, month: p.month };
  return { year: p.year };
}

export function PeriodPicker({ value, onChange }: { value: PeriodState; onChange: (p: PeriodState) => void }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2018 }, (_, i) => String(thisYear - i));
  const set = (patch: Partial<PeriodState>) => onChange({ ...value, ...patch });
  return (
    <Space wrap>
      <Segmented<PeriodMode>
        aria-label="统计期间类型"
        value={value.mode}
        onChange={(mode) => set({ mode })}
        options={[
          { label: '年度', value: 'year' },
          { label: '季度', value: 'quarter' },
          { label: '月份', value: 'month' },
          { label: '起止日期', value: 'dates' },
        ]}
      />
      {value.mode !== 'dates' ? (
        <Select
          aria-label="年度"
          style={{ width: 110 }}
          value={value.year}
          onChange={(year) => set({ year })}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      ) : null}
      {value.mode === 'quarter' ? (
        <Select
          aria-label="季度"
          style={{ width: 120 }}
          value={value.quarter}
          onChange={(quarter) => set({ quarter })}
          options={['一', '二', '三', '四'].map((q, i) => ({ value: String(i + 1), label: `第${q}季度` }))}
        />
      ) : null}
      {value.mode === 'month' ? (
        <Select
          aria-label="月份"
          style={{ width: 100 }}
          value={value.month}
          onChange={(month) => set({ month })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
        />
      ) : null}
      {value.mode === 'dates' ? (
        <>
          <Input aria-label="开始日期" type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
          <span>至</span>
          <Input aria-label="结束日期" type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
        </>
      ) : null}
    </Space>
  );
}
