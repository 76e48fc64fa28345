/**
 * Tracking numbers and query codes. The tracking number follows the agency's own pattern, e.g.
 * 「洛工信依申〔{year}〕{seq}号」 → 洛工信依申〔2025〕12号 (configurable per agency, like a 文号).
 * The query code is the applicant's secret for the tracking page: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits; only its keyed hash is stored.
 */
import { ValidationError } from '../errors.ts';

/** The default pattern when the agency has not set one. */
export const DEFAULT_TRACKING_PATTERN = '依申请〔{year}〕{seq}号';

const TOKEN = /\{(year|seq)(?::(\d))?\}/g;

/** Checks an agency's pattern: it must contain {year} and {seq} (optionally {seq:4} for zero padding). */
export function checkTrackingPattern(pattern: string): string | null {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  if (!tokens.includes('year') || !tokens.includes('seq')) return '编号格式须包含 {year} 和 {seq}';
  if (tokens.length !== 2) return '{year} 和 {seq} 各只能出现一次';
  if (pattern.replace(TOKEN, '').length > 30) return '编号格式过长';
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return '编号格式只能使用 {year}、{seq} 或 {seq:位数}';
  return null;
}

/** Formats the tracking number of the `seq`-th application of `year` under `pattern`. */
export function formatTrackingNumber(pattern: string, year: number, seq: number): string {
  const problem = checkTrackingPattern(pattern);
  if (problem) throw new ValidationError({ trackingPattern: problem });
  return pattern.replace(TOKEN, (_m, name: string, width?: string) => {
    const value = String(name === 'year' ? year : seq);
    return width ? value.padStart(Number(width), '0') : value;
  });
}

/**
 * How a typed tracking number is compared: full-width folded, spaces dropped, and the bracket
 * variants people type for 〔〕 ([ ] ［］ （） 【】 () ) unified.
 */
export function normalizeTrackingNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[(【（〔]/g, '〔')
    .replace(/[\])】）〕]/g, '〕')
    .slice(0, 60);
}

/** The query-code alphabet: no 0, 1, I, L, O. */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;

/** A query code from random bytes (the caller supplies them, e.g. crypto.randomBytes(8)). */
export function queryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < QUERY_CODE_LENGTH) throw new Error('need at least 8 random bytes');
  let out = '';
  // 256 = 8·31 + 8: reject the few top values so every character is equally likely.
  for (const b of bytes) {
    if (b >= 248) continue;
    out += QUERY_CODE_ALPHABET[b % QUERY_CODE_ALPHABET.length];
    if (out.length === QUERY_CODE_LENGTH) return out;
  }
  return '';
}

/** A typed query code normalized: full-width folded, upper case, spaces and hyphens dropped. */
export function normalizeQueryCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').slice(0, 32);
}

/** Whether a normalized code could be a query code at all (malformed codes are still answered like wrong ones). */
export function isWellFormedQueryCode(code: string): boolean {
  return code.length === QUERY_CODE_LENGTH && [...code].every((c) => QUERY_CODE_ALPHABET.includes(c));
}

/** ABCD-EFGH: how the code is printed on the receipt. */
export function displayQueryCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
