/**
 * Highlighted snippets, computed from the original text (not the segmented index) so that they
 * read naturally and are the same on SQLite and PostgreSQL. The text is escaped here; the only
 * markup in the result is the <mark> this function adds.
 */
import { escapeHtml } from '../../http/html.ts';

/** Marks every occurrence of the query words in `text` (escaped), longest words first. */
export function highlight(text: string, words: readonly string[]): string {
  const terms = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return escapeHtml(text);
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, m.index)) + '<mark>' + escapeHtml(m[0]) + '</mark>';
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** About `length` characters of `text` around the first match, highlighted; the start when nothing matches. */
export function snippet(text: string, words: readonly string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let first = -1;
  for (const w of words) {
    const i = lower.indexOf(w.toLowerCase());
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first < 0 ? 0 : first - Math.floor(length / 3));
  const piece = flat.slice(start, start + length);
  return (start > 0 ? '…' : '') + highlight(piece, words) + (start + length < flat.length ? '…' : '');
}
