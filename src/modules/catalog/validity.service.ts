/**
 * Validity changes of published 规章 and 规范性文件: 废止 (repealed) or 失效 (lapsed) on a date,
 * with the reason; the V2021 table 二 counts them in that date's year. A revision's retirement
 * of the document it replaces is recorded on approval (workflow.service.ts).
 */
import type { Db } from '../../db/database.ts';
import { hasValidity, VALIDITY_LABELS } from '../../domain/catalog/index.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './catalog.repository.ts';
import { getItem } from './catalog.service.ts';
import { reindex } from './workflow.service.ts';

/** Records that a published document was repealed or lapsed on `endedOn`, audited. */
export async function endValidity(db: Db, actor: Actor, id: string, change: { endedAs: 'repealed' | 'lapsed'; endedOn: string; reason: string }, clock: Clock): Promise<repo.CatalogItem> {
  const item = await getItem(db, actor, id);
  authorize(actor, 'catalog.approve', { agencyId: item.agencyId });
  if (!hasValidity(item.docType)) throw new DomainError('CATALOG_STATE', '只有规章和规范性文件有效力状态');
  if (item.state !== 'published') throw new DomainError('CATALOG_STATE', '只有已发布的文件可以登记废止或失效');
  if (item.endedAs) throw new DomainError('CATALOG_STATE', `该文件已于${item.endedOn}${VALIDITY_LABELS[item.endedAs]}`);
  try {
    parseDate(change.endedOn);
  } catch {
    throw new ValidationError({ endedOn: '日期格式应为 YYYY-MM-DD' });
  }
  if (!change.reason.trim()) throw new ValidationError({ reason: '请填写废止或失效的依据' });
  return db.transaction().execute(async (tx) => {
    const nowIso = clock.now().toISOString();
    await repo.updateItem(tx, id, { ended_as: change.endedAs, ended_on: change.endedOn, updated_at: nowIso });
    await repo.insertEvent(tx, { item_id: id, step: change.endedAs, result: 'done', opinion: change.reason.trim(), actor_id: actor.id, actor_name: actor.name, at: nowIso, before_json: null, version: item.version });
    const updated = (await repo.findItem(tx, id))!;
    await reindex(tx, updated);
    await recordAudit(tx, actor, { agencyId: item.agencyId, action: `catalog.${change.endedAs}`, subjectType: 'catalog_item', subjectId: id, summary: `登记“${item.title}”自${change.endedOn}起${VALIDITY_LABELS[change.endedAs]}（${change.reason.trim()}）`, after: change }, clock);
    return updated;
  });
}
