/**
 * How the search index orders and filters without touching the catalog table.
 *
 * Every indexed item gets a numeric key that sorts like its publication instant: the second
 * of `published_at` times 2^20, plus a slot for items published in the same second. The
 * index is the FTS5 rowid on SQLite and the primary key on PostgreSQL, so "newest first" is a
 * walk of the index from its end that stops after one page, "already public" is `key <= now`,
 * and a year is a key range — none of them needs the matches to be joined, counted or sorted
 * first (docs/benchmarks.md, 主动公开: the profile that led here).
 *
 * The filters that are not ranges are facet tokens indexed beside the words: every agency on
 * the path from the item's agency up to the root (so one token selects a whole subtree), the
 * item's own agency, the statutory item, the agency category and the document type. A token is a letter prefix and
 * the value's UTF-8 bytes in hex, so it contains only [a-z0-9] and survives both tokenizers
 * (unicode61, PostgreSQL's simple parser) unchanged; the SQL migration that built the first
 * index computes the same tokens with hex().
 */

export const SLOT_BITS = 20;
const SLOTS = 2 ** SLOT_BITS;

/** The first key of the second that `instantIso` falls in. Keys stay below 2^53 until the year 10,000. */
export function keyBase(instantIso: string): number {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new Error(`不是有效的时间：${instantIso}`);
  return Math.floor(ms / 1000) * SLOTS;
}

/** Whether two keys belong to the same second (the same publication instant, to the second). */
export function sameSecond(a: number, b: number): boolean {
  return Math.floor(a / SLOTS) === Math.floor(b / SLOTS);
}

/** The last key of the second that `instantIso` falls in: `key <= lastKeyAt(now)` means published by now. */
export function lastKeyAt(instantIso: string): number {
  return keyBase(instantIso) + SLOTS - 1;
}

/** The key range of a publication year, by the Asia/Shanghai calendar (published_on's year). */
export function yearKeyRange(year: number): { from: number; to: number } {
  return { from: keyBase(`${year}-01-01T00:00:00+08:00`), to: keyBase(`${year + 1}-01-01T00:00:00+08:00`) - 1 };
}

/** ag: an agency on the item's path (subtree filter); ao: the item's own agency; si: statutory item; ct: category; dt: document type. */
export type FacetKind = 'ag' | 'ao' | 'si' | 'ct' | 'dt';

/** One facet token: z + kind + hex of the value (lower case, letters and digits only). */
export function facetToken(kind: FacetKind, value: string): string {
  return `z${kind}${Buffer.from(value, 'utf8').toString('hex')}`;
}

export interface Facets {
  /** The item's agency first, then each of its ancestors. */
  agencyPath: readonly string[];
  statutoryItem: string;
  categoryId: string | null;
  docType: string;
}

/** The facet tokens of an item, space-separated, as indexed. */
export function facetText(f: Facets): string {
  const tokens = f.agencyPath.map((a) => facetToken('ag', a));
  tokens.push(facetToken('ao', f.agencyPath[0]!), facetToken('si', f.statutoryItem), facetToken('dt', f.docType));
  if (f.categoryId) tokens.push(facetToken('ct', f.categoryId));
  return tokens.join(' ');
}

/**
 * Keys for a batch of items: each the first free slot of its second, given the highest key
 * already used in each second (`usedMax`, absent = none) and the keys handed out earlier in
 * the same batch.
 */
export function assignKeys(publishedAts: readonly string[], usedMax: ReadonlyMap<number, number>): number[] {
  const next = new Map<number, number>();
  return publishedAts.map((at) => {
    const base = keyBase(at);
    const key = next.get(base) ?? (usedMax.has(base) ? usedMax.get(base)! + 1 : base);
    if (key >= base + SLOTS) throw new Error(`同一秒内发布的信息超过 ${SLOTS} 条，无法编入检索索引`);
    next.set(base, key + 1);
    return key;
  });
}
