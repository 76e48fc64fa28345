/**
 * Rebuilding index rows from the catalog: after an agency moves in the tree (its items' subtree
 * facets change), and on demand (`gongkai search reindex`, e.g. after restoring a database
 * without its index). An item keeps its key when its publication instant has not changed, so
 * the order of results does not move.
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import { indexItem, publishedItemsAfter } from './search.repository.ts';
import { itemWords } from './segment.ts';

const PAGE = 500;

async function reindexPage(
  db: DbOrTx,
  after: string,
  agencyIds?: readonly string[],
): Promise<{ count: number; last: string }> {
  const items = await publishedItemsAfter(db, after, PAGE, agencyIds);
  for (const item of items) {
    await indexItem(db, {
      itemId: item.id,
      agencyId: item.agencyId,
      publishedAt: item.publishedAt!,
      statutoryItem: item.statutoryItem,
      categoryId: item.categoryId,
      docType: item.docType,
      ...itemWords(item),
    });
  }
  return { count: items.length, last: items.at(-1)?.id ?? after };
}

/** Re-indexes the public items of these agencies, in the caller's transaction. Returns how many. */
export async function reindexAgencies(tx: DbOrTx, agencyIds: readonly string[]): Promise<number> {
  let total = 0;
  for (let after = ''; ;) {
    const { count, last } = await reindexPage(tx, after, agencyIds);
    total += count;
    if (count < PAGE) return total;
    after = last;
  }
}

/** Re-indexes every public item, one transaction per page of 500, reporting progress. */
export async function reindexAll(db: Db, onProgress?: (done: number) => void): Promise<number> {
  let total = 0;
  for (let after = ''; ;) {
    const { count, last } = await db.transaction().execute((tx) => reindexPage(tx, after));
    total += count;
    onProgress?.(total);
    if (count < PAGE) return total;
    after = last;
  }
}
