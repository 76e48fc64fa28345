/**
 * Validity changes of published 规章 and 规范性文件: 废止 (repealed) or 失效 (lapsed) on a date,
 * with the reason, or 已修订 (revised) by a published revision named by the user; the V2021
 * table 二 counts them in that date's year. A revision drafted as such (`replacesId`) retires the
 * document it replaces on approval (workflow.service.ts). `validityOf` is the history the
 * console shows on the item page.
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import {
  hasValidity,
  VALIDITY_LABELS,
  validityOn,
  type ValidityEnd,
  type CatalogState,
} from '../../domain/catalog/index.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { formatChineseDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './catalog.repository.ts';
import { getItem } from './catalog.service.ts';
import { reindex } from './workflow.service.ts';

/** A validity change as the console sends it. */
export interface ValidityChange {
  endedAs: ValidityEnd;
  /** The first day the document is no longer 有效. */
  endedOn: string;
  reason: string;
  /** 已修订: the published revision that replaces the document. */
  replacedById?: string | null;
}

/**
 * Records that a published document was repealed, lapsed or revised on `endedOn`, audited. For a
 * revision the replacing document must be a published 规章 or 规范性文件 of the same agency; it is
 * linked to this one (its 「本文件修订了」 on the portal).
 */
export async function endValidity(
  db: Db,
  actor: Actor,
  id: string,
  change: ValidityChange,
  clock: Clock,
): Promise<repo.CatalogItem> {
  const item = await getItem(db, actor, id);
  authorize(actor, 'catalog.approve', { agencyId: item.agencyId });
  if (!hasValidity(item.docType)) throw new DomainError('CATALOG_STATE', '只有规章和规范性文件有效力状态');
  if (item.state !== 'published') throw new DomainError('CATALOG_STATE', '只有已发布的文件可以登记废止、失效或修订');
  if (item.endedAs) throw new DomainError('CATALOG_STATE', `该文件已于${item.endedOn}${VALIDITY_LABELS[item.endedAs]}`);
  const errors: Record<string, string> = {};
  try {
    parseDate(change.endedOn);
    if (item.publishedOn && change.endedOn < item.publishedOn) errors.endedOn = '日期不能早于发布日期';
  } catch {
    errors.endedOn = '日期格式应为 YYYY-MM-DD';
  }
  let replacement: repo.CatalogItem | null = null;
  if (change.endedAs === 'revised') {
    replacement = change.replacedById ? await repo.findItem(db, change.replacedById) : null;
    if (!change.replacedById) errors.replacedById = '请选择修订后的文件';
    else if (
      !replacement ||
      replacement.agencyId !== item.agencyId ||
      !hasValidity(replacement.docType) ||
      replacement.id === item.id
    )
      errors.replacedById = '修订后的文件须为本机关的另一件规章或规范性文件';
    else if (replacement.state !== 'published') errors.replacedById = '修订后的文件须已发布';
    else if (replacement.replacesId && replacement.replacesId !== item.id)
      errors.replacedById = '该文件已登记为另一文件的修订';
  } else if (!change.reason.trim()) {
    errors.reason = `请填写${VALIDITY_LABELS[change.endedAs]}的依据`;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const reason = change.reason.trim() || `由“${replacement!.title}”修订`;
  return db.transaction().execute(async (tx) => {
    const nowIso = clock.now().toISOString();
    await repo.updateItem(tx, id, { ended_as: change.endedAs, ended_on: change.endedOn, updated_at: nowIso });
    if (replacement) await repo.updateItem(tx, replacement.id, { replaces_id: id, updated_at: nowIso });
    await repo.insertEvent(tx, {
      item_id: id,
      step: change.endedAs,
      result: 'done',
      opinion: reason,
      actor_id: actor.id,
      actor_name: actor.name,
      at: nowIso,
      before_json: null,
      version: item.version,
    });
    const updated = (await repo.findItem(tx, id))!;
    await reindex(tx, updated);
    const by = replacement ? `，修订后的文件为“${replacement.title}”` : '';
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: `catalog.${change.endedAs}`,
        subjectType: 'catalog_item',
        subjectId: id,
        summary: `登记“${item.title}”自${change.endedOn}起${VALIDITY_LABELS[change.endedAs]}（${reason}）${by}`,
        after: { ...change, reason },
      },
      clock,
    );
    return updated;
  });
}

/** A document's validity for the console: today's status, the documents it revises or that revise it, and its history. */
export interface ValidityView {
  status: 'valid' | ValidityEnd;
  effectiveOn: string | null;
  endedAs: ValidityEnd | null;
  endedOn: string | null;
  replaces: { id: string; title: string; state: CatalogState } | null;
  revisions: Array<{
    id: string;
    title: string;
    state: CatalogState;
    effectiveOn: string | null;
    publishedOn: string | null;
  }>;
  /** Oldest first: publication, then each validity change with its reason. */
  history: Array<{ step: 'published' | ValidityEnd; on: string; text: string; actorName: string; at: string }>;
}

const CHANGE_STEPS: readonly string[] = ['repealed', 'lapsed', 'revised'];

/** The validity view of a 规章 or 规范性文件 (null for other document types). */
export async function validityOf(
  db: DbOrTx,
  item: repo.CatalogItem,
  events: readonly repo.CatalogEvent[],
  today: string,
): Promise<ValidityView | null> {
  if (!hasValidity(item.docType)) return null;
  const [replaces, revisions] = await Promise.all([
    item.replacesId ? repo.findItem(db, item.replacesId) : null,
    repo.findRevisions(db, item.id),
  ]);
  const history: ValidityView['history'] = [];
  for (const e of events) {
    if (
      (e.step === 'approve' || e.step === 'import') &&
      item.publishedOn &&
      !history.some((h) => h.step === 'published')
    ) {
      history.push({
        step: 'published',
        on: item.publishedOn,
        text: `发布${item.effectiveOn ? `，${formatChineseDate(item.effectiveOn)}起施行` : ''}`,
        actorName: e.actorName,
        at: e.at,
      });
    }
    if (CHANGE_STEPS.includes(e.step))
      history.push({
        step: e.step as ValidityEnd,
        on: item.endedOn ?? e.at.slice(0, 10),
        text: `${VALIDITY_LABELS[e.step as ValidityEnd]}：${e.opinion}`,
        actorName: e.actorName,
        at: e.at,
      });
  }
  return {
    status: validityOn(item, today),
    effectiveOn: item.effectiveOn,
    endedAs: item.endedAs,
    endedOn: item.endedOn,
    replaces: replaces ? { id: replaces.id, title: replaces.title, state: replaces.state } : null,
    revisions: revisions.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      effectiveOn: r.effectiveOn,
      publishedOn: r.publishedOn,
    })),
    history,
  };
}
