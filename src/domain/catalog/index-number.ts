/**
 * 索引号: the index number of an item in the 政府信息公开目录 (第十二条: 目录 includes 索引).
 * Each agency sets a scheme; the default is the common 「机构代码/年份-序号」 form, e.g.
 * `luojiang-gxj/2020-00016`. Serial numbers restart every year and are never reused.
 */
import { DomainError } from '../errors.ts';

export const DEFAULT_INDEX_SCHEME = '{code}/{year}-{serial:5}';

export interface IndexNumberParts {
  /** The agency's organization code (or platform code). */
  readonly code: string;
  readonly year: number;
  readonly serial: number;
  /** The statutory item number (1–15), for schemes that include it. */
  readonly item?: string;
}

const TOKEN = /\{(code|year|item|serial(?::(\d))?)\}/g;

/** Checks a scheme: it must contain {serial} and {year}, so that numbers are unique per year. */
export function validateIndexScheme(scheme: string): string | null {
  if (!scheme.includes('{serial') || !scheme.includes('{year}')) return '索引号规则须包含 {year} 和 {serial}';
  const rest = scheme.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return '索引号规则只能使用 {code}、{year}、{item}、{serial} 或 {serial:N}';
  if (rest.length > 40 || /\s/.test(rest)) return '索引号规则的分隔字符过长或含空白';
  return null;
}

/** The 索引号 for the parts under `scheme`. */
export function formatIndexNumber(scheme: string, parts: IndexNumberParts): string {
  const problem = validateIndexScheme(scheme);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { fields: { indexScheme: problem } });
  return scheme.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'code') return parts.code;
    if (token === 'year') return String(parts.year);
    if (token === 'item') return parts.item ?? '';
    return String(parts.serial).padStart(Number(width ?? 1), '0');
  });
}
