/** Labels and colours of the 年报体检 screens. */
import type { CSSProperties } from 'react';

export const SEVERITY_LABELS: Record<string, { text: string; color: string }> = {
  error: { text: '错误', color: 'error' },
  warning: { text: '警告', color: 'warning' },
  info: { text: '提示', color: 'default' },
};

export const UPLOAD_STATUS: Record<string, { text: string; color: string }> = {
  inserted: { text: '已导入', color: 'success' },
  duplicate: { text: '此前已导入', color: 'default' },
  skipped: { text: '无法读取', color: 'error' },
};

/** How an offending cell is drawn: red for an error, amber for a warning, blue for a difference. */
export const CELL_MARKS: Record<'error' | 'warning' | 'info' | 'difference', CSSProperties> = {
  error: { background: '#fff1f0', outline: '2px solid #cf1322', outlineOffset: -2, color: '#a8071a', fontWeight: 600 },
  warning: { background: '#fffbe6', outline: '2px solid #d48806', outlineOffset: -2 },
  info: { background: '#f5f5f5' },
  difference: { background: '#e6f4ff', outline: '2px solid #1677ff', outlineOffset: -2, fontWeight: 600 },
};

/** 「V2019」 → the format's name as a supervisor knows it. */
export const FORMAT_NAMES: Record<string, string> = {
  V2019: '2019年格式（国办公开办函〔2019〕60号）',
  V2021: '2021年格式（国办公开办函〔2021〕30号）',
};
