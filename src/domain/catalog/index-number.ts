/**
 * 索引号: the index number of an item in the 政府信息公开目录 (第十二条: 目录 includes 索引).
 * Each agency sets a scheme; the default is the form Chinese portals and inspectors use,
 * 「机构代码/年份-序号」 with the agency's 统一社会信用代码 (GB 32100-2015) or, for an agency
 * without one, its 组织机构代码 (GB 11714-1997), e.g. `11350504003205129K/2025-00016`.
 * Serial numbers restart every year and are never reused; a number once given never changes.
 */
import { checkCreditCode } from '../applications/applicant.ts';
import { DomainError } from '../errors.ts';

export const DEFAULT_INDEX_SCHEME = '{code}/{year}-{serial:5}';

export interface IndexNumberParts {
  /** The agency's 统一社会信用代码 or 组织机构代码 (or, until one is set, its platform code). */
  readonly code: string;
  readonly year: number;
  readonly serial: number;
  /** The statutory item number (1–15), for schemes that include it. */
  readonly item?: string;
}

const TOKEN = /\{(code|year|item|serial(?::(\d))?)\}/g;

/**
 * Checks a scheme. Refused, because numbers could repeat: no {serial} (every item the same
 * number), no {year} (the serial restarts each year), no {code} (two agencies' numbers
 * coincide), two {serial}s, and two variable parts with nothing between them (`{serial}{item}`:
 * serial 1 of item 11 and serial 11 of item 1 both read 111).
 */
export function validateIndexScheme(scheme: string): string | null {
  const rest = scheme.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return '索引号规则只能使用 {code}、{year}、{item}、{serial} 或 {serial:N}';
  if (!scheme.includes('{serial') || !scheme.includes('{year}'))
    return '索引号规则须包含 {year}（年份）和 {serial}（顺序号），否则索引号会重复';
  if (!scheme.includes('{code}')) return '索引号规则须包含 {code}（机构代码），否则与其他机关的索引号重复';
  const tokens = [...scheme.matchAll(TOKEN)];
  const names = tokens.map((t) => t[1]!.replace(/:.*/, ''));
  if (new Set(names).size !== names.length) return '索引号规则中每一部分只能出现一次';
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const between = scheme.slice(prev.index + prev[0].length, tokens[i]!.index);
    if (!/[^0-9A-Za-z]/.test(between)) return '索引号规则的各部分之间须有分隔符（如“/”“-”），否则不同的索引号可能相同';
  }
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

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SEPARATORS: Record<string, string> = {
  '/': '斜线“/”',
  '-': '连接号“-”',
  _: '下划线“_”',
  '.': '圆点“.”',
  '·': '间隔号“·”',
};

/**
 * The scheme in words, for the 政府信息公开指南 (the public never sees the template), e.g.
 * 「索引号由本机关统一社会信用代码、斜线“/”、公开年份、连接号“-”和五位顺序号依次组成，
 * 如 11350504003205129K/2025-00001。顺序号每年从1起连续编号，不重复使用；索引号一经编制不再改变。」
 */
export function describeIndexScheme(scheme: string, code: string, codeKind: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const t of scheme.matchAll(TOKEN)) {
    const lit = scheme.slice(last, t.index);
    if (lit) parts.push(SEPARATORS[lit] ?? `“${lit}”`);
    const token = t[1]!;
    if (token === 'code') parts.push(`本机关${codeKind}`);
    else if (token === 'year') parts.push('公开年份');
    else if (token === 'item') parts.push('公开事项序号（《条例》第二十条、第二十一条所列事项的项次）');
    else {
      const width = Number(t[2] ?? 0);
      parts.push(
        width > 1 ? `${DIGITS[width] ?? width}位顺序号（不足${DIGITS[width] ?? width}位的前面补零）` : '顺序号',
      );
    }
    last = t.index + t[0].length;
  }
  const tail = scheme.slice(last);
  if (tail) parts.push(SEPARATORS[tail] ?? `“${tail}”`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}` : parts.join('');
  const example = formatIndexNumber(scheme, { code, year: 2025, serial: 1, item: '1' });
  return `索引号由${list}依次组成，如 ${example}。顺序号每年从1起连续编号，不重复使用；索引号一经编制不再改变。`;
}

/** GB 11714-1997 weights of the 8 body characters of a 组织机构代码. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/**
 * 组织机构代码 (GB 11714-1997): 8 body characters (digits or capital letters) and a check
 * character, MOD 11 with the weights 3 7 9 10 5 8 4 2; 10 is written X, 11 is written 0.
 * Accepts the printed form with a hyphen (12345678-9). Null when valid, else the reason.
 */
export function checkOrganizationCode(value: string): string | null {
  const v = value.trim().toUpperCase().replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(v)) return '组织机构代码应为8位数字或大写字母加1位校验码（如 12345678-9）';
  const sum = ORG_WEIGHTS.reduce((s, w, i) => s + orgCharValue(v[i]!) * w, 0);
  const c = 11 - (sum % 11);
  const check = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return check === v[8] ? null : '组织机构代码校验码不正确，请核对';
}

/** An agency's code for its 索引号, recognised and checked. */
export type AgencyCode =
  | { kind: 'credit_code'; value: string; label: '统一社会信用代码' }
  | { kind: 'organization_code'; value: string; label: '组织机构代码' };

/**
 * Reads the code an agency gives for its 索引号: an 18-character 统一社会信用代码 checked by its
 * GB 32100 check character, or a 9-character 组织机构代码 (with or without its hyphen) checked
 * by GB 11714. Throws nothing; returns the reason in Chinese when it is neither.
 */
export function parseAgencyCode(value: string): AgencyCode | string {
  const v = value.trim().toUpperCase().replace(/\s/g, '');
  if (v.length === 18) {
    const problem = checkCreditCode(v);
    return problem ?? { kind: 'credit_code', value: v, label: '统一社会信用代码' };
  }
  const compact = v.replace('-', '');
  if (compact.length === 9) {
    const problem = checkOrganizationCode(compact);
    return (
      problem ?? { kind: 'organization_code', value: `${compact.slice(0, 8)}-${compact[8]}`, label: '组织机构代码' }
    );
  }
  return '应为18位统一社会信用代码或9位组织机构代码';
}
