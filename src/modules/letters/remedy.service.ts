/**
 * 救济途径 of an agency's letters: the 复议机关 and the court, derived from the agency's place in
 * the tree (src/domain/letters/remedy.ts) unless the agency has set them (letters.manage:
 * office head, agency administrator; audited). Every letter is filled with them.
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkRemedySetting, remedyFor, type Remedy, type RemedyChainLink } from '../../domain/letters/index.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './letters.repository.ts';

/** What the console shows: the bodies letters name, where they come from, and the agency's setting. */
export interface AgencyRemedy extends Remedy {
  agencyId: string;
  setting: { reviewOrgan: string; court: string; updatedAt: string | null; updatedBy: string | null };
}

/** The agency and its ancestors, nearest first (the tree is a few levels deep). */
async function chainOf(db: DbOrTx, agencyId: string): Promise<RemedyChainLink[]> {
  const chain: RemedyChainLink[] = [];
  const seen = new Set<string>();
  let id: string | null = agencyId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const agency = await findAgency(db, id);
    if (!agency) break;
    chain.push({ name: agency.name, level: agency.level });
    id = agency.parentId;
  }
  if (chain.length === 0) throw new DomainError('NOT_FOUND', '机构不存在');
  return chain;
}

/** The remedy an agency's letters name. No authorization: letters of the agency use it. */
export async function agencyRemedy(db: DbOrTx, agencyId: string): Promise<AgencyRemedy> {
  const [chain, setting] = await Promise.all([chainOf(db, agencyId), repo.findRemedySetting(db, agencyId)]);
  return {
    agencyId,
    ...remedyFor(chain, { reviewOrgan: setting?.reviewOrgan, court: setting?.court }),
    setting: {
      reviewOrgan: setting?.reviewOrgan ?? '',
      court: setting?.court ?? '',
      updatedAt: setting?.updatedAt ?? null,
      updatedBy: setting?.updatedBy ?? null,
    },
  };
}

export async function getRemedy(db: DbOrTx, actor: Actor, agencyId: string): Promise<AgencyRemedy> {
  authorize(actor, 'letters.read', { agencyId });
  return agencyRemedy(db, agencyId);
}

/** Sets (or, with blanks, clears) the agency's 复议机关 and court. */
export async function saveRemedy(
  db: Db,
  actor: Actor,
  agencyId: string,
  input: { reviewOrgan: string; court: string },
  clock: Clock,
): Promise<AgencyRemedy> {
  authorize(actor, 'letters.manage', { agencyId });
  const value = checkRemedySetting(input);
  const before = await agencyRemedy(db, agencyId);
  await db.transaction().execute(async (tx) => {
    await repo.saveRemedySetting(tx, agencyId, {
      ...value,
      updatedAt: clock.now().toISOString(),
      updatedBy: actor.name,
    });
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'letter_remedy.save',
        subjectType: 'agency',
        subjectId: agencyId,
        summary: `设置救济途径：复议机关“${value.reviewOrgan || '（按层级推定）'}”，管辖法院“${value.court || '（按所在地推定）'}”`,
        before: before.setting,
        after: value,
      },
      clock,
    );
  });
  return agencyRemedy(db, agencyId);
}
