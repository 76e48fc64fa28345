/**
 * Chinese full-text search over published catalog items (第二十四条: 信息检索). Queries are
 * segmented exactly as documents are (segment.ts); filters narrow by agency subtree, statutory
 * item or category, year of publication, document type and validity; results come best-first
 * or newest-first with highlighted snippets. Only public items are ever returned.
 */
import type { DbOrTx } from '../../db/database.ts';
import { isDocType, isValidityEnd, type ValidityEnd } from '../../domain/catalog/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import type { ListedItem } from '../catalog/catalog.repository.ts';
import { findPublic, type PublicQuery } from './search.repository.ts';
import { queryWords } from './segment.ts';
import { highlight, snippet } from './snippet.ts';

export interface SearchParams {
  q?: string;
  /** Agency code: that agency and its subordinates. */
  agency?: string;
  item?: string;
  category?: string;
  year?: number;
  type?: string;
  validity?: string;
  order?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  item: ListedItem;
  /** Title with <mark> around matched words; escaped. */
  titleHtml: string;
  /** Snippet of the text with <mark>; escaped. */
  snippetHtml: string;
}

export interface SearchResult {
  words: string[];
  /** Matches, counted exactly up to COUNT_CAP (search.repository.ts). */
  total: number;
  /** False when there are more matches than `total` says (「N 条以上」). */
  totalExact: boolean;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

/**
 * Runs a public search. Unknown filter values simply match nothing rather than failing.
 * `agencyFound`: the agency `p.agency` names, when the caller has looked it up already (the
 * portal's page does): one statement fewer.
 */
export async function searchPublic(
  db: DbOrTx,
  p: SearchParams,
  clock: Clock,
  agencyFound?: agencies.Agency,
): Promise<SearchResult> {
  const words = queryWords(p.q ?? '');
  const pageSize = Math.min(Math.max(p.pageSize ?? 20, 1), 50);
  const page = Math.min(Math.max(p.page ?? 1, 1), 500);
  let agency: PublicQuery['agency'];
  if (p.agency) {
    const root = agencyFound ?? (await agencies.findByCodeOrName(db, p.agency));
    agency = root ? { id: root.id, subtree: true } : null;
  }
  const validity =
    p.validity === 'valid'
      ? 'valid'
      : p.validity && isValidityEnd(p.validity)
        ? (p.validity as ValidityEnd)
        : undefined;
  const now = clock.now();
  const { total, totalExact, items } = await findPublic(db, {
    words,
    agency,
    statutoryItem: p.item || undefined,
    categoryId: p.category || undefined,
    year: p.year,
    docType: p.type && isDocType(p.type) ? p.type : p.type ? '__none__' : undefined,
    validity,
    order: p.order === 'date' || words.length === 0 ? 'date' : 'relevance',
    nowIso: now.toISOString(),
    today: shanghaiDate(now),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    words,
    total,
    totalExact,
    page,
    pageSize,
    hits: items.map((item) => ({
      item,
      titleHtml: highlight(item.title, words),
      snippetHtml: snippet(item.summary ? `${item.summary} ${item.bodyText}` : item.bodyText, words),
    })),
  };
}

/** Up to `limit` suggestions for the application form: published titles matching what the applicant typed. */
export async function suggest(
  db: DbOrTx,
  q: string,
  agency: string | undefined,
  clock: Clock,
  limit = 8,
): Promise<Array<{ id: string; title: string; indexNo: string | null; publishedOn: string | null; agencyId: string }>> {
  if (queryWords(q).length === 0) return [];
  const r = await searchPublic(db, { q, agency, pageSize: limit }, clock);
  return r.hits.map((h) => ({
    id: h.item.id,
    title: h.item.title,
    indexNo: h.item.indexNo,
    publishedOn: h.item.publishedOn,
    agencyId: h.item.agencyId,
  }));
}
