/**
 * 政策解读 and their policies (国办发〔2016〕80号: 同步组织、同步审签、同步部署): what the console
 * shows beside a policy or a 解读 (the other side of the link, the reviewer's warnings) and the
 * count of 解读 per policy for the statistics. The rules are in src/domain/catalog/interpretation.ts.
 */
import type { DbOrTx } from '../../db/database.ts';
import { isPolicy, missingInterpretationWarning } from '../../domain/catalog/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import * as repo from './catalog.repository.ts';

export interface LinkedItem {
  id: string;
  title: string;
  state: string;
  publishedOn: string | null;
}

const linked = (i: repo.CatalogItem): LinkedItem => ({
  id: i.id,
  title: i.title,
  state: i.state,
  publishedOn: i.publishedOn,
});

/** The console's view of the link: the policy a 解读 explains, or a policy's 解读, and the warnings for the reviewer. */
export async function interpretationLinks(
  db: DbOrTx,
  item: repo.CatalogItem,
): Promise<{ interprets: LinkedItem | null; interpretations: LinkedItem[]; warnings: string[] }> {
  const interprets = item.interpretsId ? await repo.findItem(db, item.interpretsId) : null;
  const interpretations = isPolicy(item)
    ? (await repo.findInterpretations(db, item.id)).filter((i) => i.state !== 'withdrawn')
    : [];
  const warnings: string[] = [];
  const missing = missingInterpretationWarning(item, interpretations.length);
  if (missing && item.state !== 'published' && item.state !== 'withdrawn') warnings.push(missing);
  const waiting = interpretations.filter((i) => i.state === 'approval');
  if (waiting.length && item.state === 'approval')
    warnings.push(
      `本政策有${waiting.length}篇解读待发布审核，请同步审核发布：${waiting.map((i) => `《${i.title}》`).join('、')}`,
    );
  return { interprets: interprets ? linked(interprets) : null, interpretations: interpretations.map(linked), warnings };
}

/** The agency's policies a 解读 can explain, newest first (for the editor's choice). */
export async function policyChoices(db: DbOrTx, actor: Actor, agencyId: string): Promise<LinkedItem[]> {
  authorize(actor, 'catalog.read', { agencyId });
  return (await repo.findPolicies(db, agencyId)).map(linked);
}

export interface InterpretationStats {
  year: number;
  policies: Array<{
    id: string;
    agencyId: string;
    title: string;
    docType: string;
    publishedOn: string;
    interpretations: number;
  }>;
  totals: { policies: number; withInterpretation: number; interpretations: number };
}

/** Published policies of a year with the number of their published 解读, for an agency or its subtree. */
export async function interpretationStats(
  db: DbOrTx,
  actor: Actor,
  agencyId: string,
  year: number,
  subtree = false,
): Promise<InterpretationStats> {
  authorize(actor, 'catalog.read', { agencyId });
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ValidationError({ year: '年份应在2000至2100之间' });
  const ids = subtree
    ? (await agencies.subtreeIds(db, [agencyId])).filter((id) => can(actor, 'catalog.read', { agencyId: id }))
    : [agencyId];
  const policies = await repo.interpretationCounts(db, ids, year);
  return {
    year,
    policies,
    totals: {
      policies: policies.length,
      withInterpretation: policies.filter((p) => p.interpretations > 0).length,
      interpretations: policies.reduce((s, p) => s + p.interpretations, 0),
    },
  };
}
