/**
 * What the public portal reads: an agency's columns (法定主动公开内容 by statutory item and by
 * the agency's categories), an item with its public history and attachments, feeds and the
 * sitemap. Only public items (published, publication instant reached) are returned; a
 * withdrawn item keeps its page, which shows its history instead of its text.
 */
import type { DbOrTx } from '../../db/database.ts';
import { isPublic, statutoryItemsFor, type AgencyCategory, type StatutoryItem } from '../../domain/catalog/index.ts';
import type { Clock } from '../../domain/time.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import * as repo from './catalog.repository.ts';
import {
  columnFigures,
  findPublishedReplacement,
  latestPublicPerAgency,
  listPublicForSitemap,
} from './public.repository.ts';
import { listCategories } from './settings.repository.ts';

export interface Column {
  item: StatutoryItem;
  count: number;
  categories: Array<AgencyCategory & { count: number }>;
}

/** The statutory columns of an agency with public item counts, and its categories under them (one statement). */
export async function agencyColumns(db: DbOrTx, agency: agencies.Agency, clock: Clock): Promise<Column[]> {
  const { counts, categories: cats } = await columnFigures(db, agency.id, clock.now().toISOString());
  return statutoryItemsFor(agency.level).map((item) => ({
    item,
    count: counts.filter((c) => c.statutoryItem === item.key).reduce((s, c) => s + c.count, 0),
    categories: cats
      .filter((c) => c.statutoryItem === item.key)
      .map((c) => ({ ...c, count: counts.find((x) => x.categoryId === c.id)?.count ?? 0 })),
  }));
}

/** Steps shown on the public page; review opinions stay internal. */
type PublicStep = 'approve' | 'import' | 'correct' | 'withdraw' | 'repealed' | 'lapsed' | 'revised';
const PUBLIC_STEPS: readonly string[] = ['approve', 'import', 'correct', 'withdraw', 'repealed', 'lapsed', 'revised'];

export interface PublicItemPage {
  item: repo.CatalogItem;
  agency: agencies.Agency;
  category: AgencyCategory | null;
  attachments: repo.Attachment[];
  /** Publication, corrections and withdrawal, oldest first (review opinions stay internal). */
  history: Array<{ at: string; step: PublicStep; reason: string; before: { title: string } | null; version: number }>;
  replaces: { id: string; title: string } | null;
  replacedBy: { id: string; title: string } | null;
  /** 政策解读: the public policy this 解读 explains. */
  interprets: { id: string; title: string } | null;
  /** A policy's public 解读, oldest first. */
  interpretations: Array<{ id: string; title: string; publishedOn: string | null }>;
}

/** An item's public page, or null when it is not public. */
export async function publicItem(db: DbOrTx, id: string, clock: Clock): Promise<PublicItemPage | null> {
  const item = await repo.findItem(db, id);
  if (!item || !isPublic(item.state, item.publishedAt, clock.now().toISOString())) return null;
  const agency = await agencies.findById(db, item.agencyId);
  if (!agency) return null;
  const events = await repo.listEvents(db, id);
  const cats = item.categoryId ? await listCategories(db, [item.agencyId]) : [];
  const replaces = item.replacesId ? await repo.findItem(db, item.replacesId) : null;
  const replacedBy = await findPublishedReplacement(db, id);
  const nowIso = clock.now().toISOString();
  const visible = (i: repo.CatalogItem | null) =>
    i !== null && i.state === 'published' && isPublic(i.state, i.publishedAt, nowIso);
  const policy = item.interpretsId ? await repo.findItem(db, item.interpretsId) : null;
  const interpretations = (await repo.findInterpretations(db, id)).filter(visible);
  return {
    interprets: policy && visible(policy) ? { id: policy.id, title: policy.title } : null,
    interpretations: interpretations.map((i) => ({ id: i.id, title: i.title, publishedOn: i.publishedOn })),
    item,
    agency,
    category: cats.find((c) => c.id === item.categoryId) ?? null,
    attachments: item.state === 'published' ? await repo.listAttachments(db, [id]) : [],
    history: events
      .filter((e): e is repo.CatalogEvent & { step: PublicStep } => PUBLIC_STEPS.includes(e.step))
      .map((e) => ({
        at: e.step === 'approve' || e.step === 'import' ? (item.publishedAt ?? e.at) : e.at,
        step: e.step,
        reason: e.step === 'approve' || e.step === 'import' ? '' : e.opinion,
        before: e.before ? { title: e.before.title } : null,
        version: e.version,
      })),
    replaces: replaces ? { id: replaces.id, title: replaces.title } : null,
    replacedBy,
  };
}

/** An attachment of a public, not withdrawn item. */
export async function publicAttachment(
  db: DbOrTx,
  itemId: string,
  attachmentId: string,
  clock: Clock,
): Promise<(repo.Attachment & { content: Buffer }) | null> {
  const item = await repo.findItem(db, itemId);
  if (!item || item.state !== 'published' || !isPublic(item.state, item.publishedAt, clock.now().toISOString()))
    return null;
  return repo.findAttachmentContent(db, itemId, attachmentId);
}

/** Every public item's id and last change, for sitemap.xml (newest first, capped). */
export async function sitemapEntries(
  db: DbOrTx,
  clock: Clock,
  limit = 50_000,
): Promise<Array<{ id: string; updatedAt: string }>> {
  return listPublicForSitemap(db, clock.now().toISOString(), limit);
}

/** The platform home page's 各机关最新公开: each agency's newest public item, most recent first. */
export async function latestPerAgency(
  db: DbOrTx,
  clock: Clock,
  limit = 20,
): Promise<Array<{ id: string; title: string; publishedOn: string; agencyId: string }>> {
  return latestPublicPerAgency(db, clock.now().toISOString(), limit);
}
