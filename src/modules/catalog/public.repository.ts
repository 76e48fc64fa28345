/**
 * The queries behind the public portal's catalog pages. Only public items are counted or
 * listed: published, with the publication instant reached (`nowIso`).
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { AgencyCategory } from '../../domain/catalog/index.ts';
import { lastKeyAt } from '../search/index-keys.ts';

/**
 * An agency's columns in one statement: its public items counted by statutory item and category,
 * and its categories (the portal's list page shows both, and checks the category asked for).
 */
export async function columnFigures(
  db: DbOrTx,
  agencyId: string,
  nowIso: string,
): Promise<{
  counts: Array<{ statutoryItem: string; categoryId: string | null; count: number }>;
  categories: AgencyCategory[];
}> {
  const rows = await sql<{
    kind: 'n' | 'c';
    statutory_item: string;
    category_id: string | null;
    n: number | string;
    name: string | null;
    sort_order: number | null;
  }>`select 'n' as kind, statutory_item, category_id, count(*) as n, null as name, null as sort_order
      from catalog_item where agency_id = ${agencyId} and search_key <= ${lastKeyAt(nowIso)} and status = 'published'
      group by statutory_item, category_id
    union all
    select 'c' as kind, statutory_item, id as category_id, 0 as n, name, sort_order from catalog_category where agency_id = ${agencyId}`.execute(
    db,
  );
  const categories = rows.rows
    .filter((r) => r.kind === 'c')
    .map((r) => ({
      id: r.category_id!,
      agencyId,
      name: r.name!,
      statutoryItem: r.statutory_item,
      sortOrder: Number(r.sort_order),
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    counts: rows.rows
      .filter((r) => r.kind === 'n')
      .map((r) => ({ statutoryItem: r.statutory_item, categoryId: r.category_id, count: Number(r.n) })),
    categories,
  };
}

/** The published document that replaces (revises) the given one, if any. */
export async function findPublishedReplacement(
  db: DbOrTx,
  replacedId: string,
): Promise<{ id: string; title: string } | null> {
  const row = await db
    .selectFrom('catalog_item')
    .select(['id', 'title'])
    .where('replaces_id', '=', replacedId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ?? null;
}

/** Public items, newest first, for sitemap.xml. */
export async function listPublicForSitemap(
  db: DbOrTx,
  nowIso: string,
  limit: number,
): Promise<Array<{ id: string; updatedAt: string }>> {
  const rows = await db
    .selectFrom('catalog_item')
    .select(['id', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
}

/**
 * The newest public item of each agency that has one, agencies with the most recent publication
 * first, for the platform's home page. Reads the newest `scan` public items (published_at index)
 * and keeps the first of each agency, so the cost does not grow with the number of agencies.
 */
export async function latestPublicPerAgency(
  db: DbOrTx,
  nowIso: string,
  agencies: number,
  scan = 500,
): Promise<Array<{ id: string; agencyId: string; title: string; publishedOn: string }>> {
  const rows = await db
    .selectFrom('catalog_item')
    .select(['id', 'agency_id', 'title', 'published_on'])
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(scan)
    .execute();
  const seen = new Set<string>();
  const out: Array<{ id: string; agencyId: string; title: string; publishedOn: string }> = [];
  for (const r of rows) {
    if (seen.has(r.agency_id)) continue;
    seen.add(r.agency_id);
    out.push({ id: r.id, agencyId: r.agency_id, title: r.title, publishedOn: r.published_on ?? '' });
    if (out.length >= agencies) break;
  }
  return out;
}
