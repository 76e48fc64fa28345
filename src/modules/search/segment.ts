/**
 * Chinese word segmentation for search: @node-rs/jieba in search mode (长词再切分), so that a
 * document containing 行政复议 is indexed under 行政复议, 行政 and 复议, and a two-character query
 * such as 复议 or 申请 matches it. Documents and queries are segmented the same way.
 *
 * The dictionary is loaded explicitly (jieba's bundled dict.txt) once per process.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

// Words are letters, digits or CJK ideographs; everything else (punctuation, symbols,
// markup left in text) is dropped so that it never reaches a full-text query.
const WORD = /^[\p{L}\p{N}]+$/u;

/** The words of `text` in search mode, lower-cased, punctuation dropped, in order. */
export function segmentWords(text: string): string[] {
  if (!text) return [];
  return instance()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && WORD.test(w));
}

/** Text for the index: the words separated by spaces. */
export function segmentForIndex(text: string): string {
  return segmentWords(text).join(' ');
}

/**
 * The words a query must match: its search-mode words, without duplicates. Longer words
 * whose parts are also present are kept (a document containing the longer word has its parts
 * too), so results stay precise.
 */
export function queryWords(query: string): string[] {
  return [...new Set(segmentWords(query.slice(0, 200)))].slice(0, 16);
}

/** What the index holds of an item's text: title with 文号, and summary with body (as words). */
export function itemWords(item: { title: string; docNumber: string; summary: string; bodyText: string }): {
  titleWords: string;
  bodyWords: string;
} {
  return {
    titleWords: segmentForIndex(`${item.title} ${item.docNumber}`),
    bodyWords: segmentForIndex(`${item.summary}\n${item.bodyText}`),
  };
}
