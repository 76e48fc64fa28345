/**
 * The publishing workflow in the database: each step stores its review record and the new state
 * in one transaction with its audit event. Publication puts the item into the search index in
 * the same transaction, so it is searchable the moment it is public (a scheduled item is indexed
 * at approval and hidden by its publication instant until then).
 */
import { randomUUID } from 'node:crypto';
import { inTransaction, type Db, type DbOrTx, type Tx } from '../../db/database.ts';
import {
  formatIndexNumber,
  hasValidity,
  publicationOrderProblem,
  retiredByRevision,
  STATE_LABELS,
  transition,
  type WorkflowAction,
  type WorkflowActor,
} from '../../domain/catalog/index.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { indexItem, unindexItem } from '../search/search.repository.ts';
import { itemWords } from '../search/segment.ts';
import { checkAttachment } from './attachments.ts';
import * as repo from './catalog.repository.ts';
import { getItem, normalizeInput, type ItemInput } from './catalog.service.ts';
import { settingsFor } from './settings.service.ts';

function workflowActor(actor: Actor, agencyId: string): WorkflowActor {
  return {
    id: actor.id,
    canEdit: can(actor, 'catalog.edit', { agencyId }),
    canReview: can(actor, 'catalog.review', { agencyId }),
    canApprove: can(actor, 'catalog.approve', { agencyId }),
  };
}

/** Puts an item's current text into the search index. */
export async function reindex(tx: Tx, item: repo.CatalogItem): Promise<void> {
  await indexItem(tx, {
    itemId: item.id,
    agencyId: item.agencyId,
    publishedAt: item.publishedAt!,
    statutoryItem: item.statutoryItem,
    categoryId: item.categoryId,
    docType: item.docType,
    ...itemWords(item),
  });
}

/**
 * Gives an item its 索引号 once, at its first submission; it never changes afterwards. Should a
 * changed scheme or code produce a number the agency already gave (an old number is never
 * rewritten), the next serial is taken instead.
 */
async function assignIndexNumber(tx: Tx, item: repo.CatalogItem, today: string): Promise<string> {
  const s = await settingsFor(tx, item.agencyId);
  const year = Number(today.slice(0, 4));
  for (let serial = await repo.nextSerial(tx, item.agencyId, year); ; serial++) {
    const indexNo = formatIndexNumber(s.indexScheme, {
      code: s.indexCode,
      year,
      serial,
      item: item.statutoryItem.replace(/^a2[01]\./, ''),
    });
    if (await repo.indexNumberTaken(tx, item.agencyId, indexNo)) continue;
    await repo.updateItem(tx, item.id, { index_no: indexNo, index_year: year, index_serial: serial });
    return indexNo;
  }
}

/**
 * Applies one workflow action. `correction` carries the corrected fields of a 更正.
 * Throws DomainError when the rules refuse it (wrong state, same person, missing reason).
 * Runs in the caller's transaction when given one (bulk publishing), else in its own.
 */
export async function act(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: WorkflowAction,
  clock: Clock,
  correction?: ItemInput,
): Promise<repo.CatalogItem> {
  const item = await getItem(db, actor, id);
  const step = transition(
    { state: item.state, authorId: item.authorId, reviewerId: null },
    action,
    workflowActor(actor, item.agencyId),
  );
  if (action.kind === 'correct' && !correction) throw new ValidationError({ title: '更正须提交更正后的内容' });
  const fields = action.kind === 'correct' && correction ? await normalizeInput(db, item.agencyId, correction) : null;
  if (action.kind === 'approve' && action.publishAt !== null && Number.isNaN(Date.parse(action.publishAt)))
    throw new ValidationError({ publishAt: '定时发布时间格式不正确' });
  if (
    action.kind === 'approve' &&
    (await repo.listEvents(db, id)).filter((e) => e.step === 'confidentiality_pass').length === 0
  ) {
    throw new DomainError('CATALOG_STATE', '没有保密审查记录，不能发布');
  }
  const nowIso = clock.now().toISOString();
  const today = shanghaiDate(clock.now());
  if (action.kind === 'approve' && item.interpretsId) {
    // 同步或在后发布 (国办发〔2016〕80号): a 解读 never goes out before its policy.
    const policy = await repo.findItem(db, item.interpretsId);
    const at = action.publishAt && action.publishAt > nowIso ? new Date(action.publishAt).toISOString() : nowIso;
    const problem = policy ? publicationOrderProblem(policy, at) : '所解读的政策不存在';
    if (problem) throw new DomainError('CATALOG_STATE', problem);
  }
  return inTransaction(db, async (tx) => {
    // Re-read inside the transaction: a concurrent step must not be applied twice.
    const current = (await repo.findItem(tx, id))!;
    if (current.state !== item.state)
      throw new DomainError('CATALOG_STATE', `该信息已被他人处理，当前状态为「${STATE_LABELS[current.state]}」`);
    let version = current.version;
    let before: string | null = null;
    const patch: Parameters<typeof repo.updateItem>[2] = { status: step.to, updated_at: nowIso };
    if (action.kind === 'submit' && !current.indexNo) await assignIndexNumber(tx, current, today);
    if (action.kind === 'approve') {
      const at = action.publishAt && action.publishAt > nowIso ? new Date(action.publishAt).toISOString() : nowIso;
      patch.published_at = at;
      patch.published_on = shanghaiDate(new Date(at));
      if (current.replacesId && hasValidity(current.docType)) {
        // A revision retires the document it replaces when it takes effect (lifecycle.md, Table 二).
        const retired = retiredByRevision(current.effectiveOn ?? patch.published_on);
        await repo.updateItem(tx, current.replacesId, {
          ended_as: retired.endedAs,
          ended_on: retired.endedOn,
          updated_at: nowIso,
        });
        // The replaced document's own record says when and by what it was revised (its validity history).
        const replaced = await repo.findItem(tx, current.replacesId);
        if (replaced)
          await repo.insertEvent(tx, {
            item_id: replaced.id,
            step: 'revised',
            result: 'done',
            opinion: `由“${current.title}”修订`,
            actor_id: actor.id,
            actor_name: actor.name,
            at: nowIso,
            before_json: null,
            version: replaced.version,
          });
      }
    }
    if (action.kind === 'withdraw') {
      patch.withdrawn_on = today;
      patch.withdraw_reason = step.record.opinion;
      await unindexItem(tx, id);
    }
    if (action.kind === 'correct' && fields) {
      before = JSON.stringify({ title: current.title, bodyHtml: current.bodyHtml });
      version += 1;
      Object.assign(patch, { ...fields, publisher: fields.publisher || current.publisher, version });
    }
    await repo.updateItem(tx, id, patch);
    await repo.insertEvent(tx, {
      item_id: id,
      step: step.record.step,
      result: step.record.result,
      opinion: step.record.opinion,
      actor_id: actor.id,
      actor_name: actor.name,
      at: nowIso,
      before_json: before,
      version,
    });
    const updated = (await repo.findItem(tx, id))!;
    if (action.kind === 'approve' || action.kind === 'correct') await reindex(tx, updated);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: `catalog.${action.kind}`,
        subjectType: 'catalog_item',
        subjectId: id,
        summary: `${step.record.step === 'send_back' ? '退回' : ''}“${updated.title}”：${STATE_LABELS[item.state]} → ${STATE_LABELS[step.to]}${step.record.opinion ? `（${step.record.opinion}）` : ''}`,
        before: { state: item.state },
        after: { state: step.to, opinion: step.record.opinion },
      },
      clock,
    );
    return updated;
  });
}

/** Adds an attachment to a draft after checking its content (attachments.ts), audited. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  itemId: string,
  fileName: string,
  content: Buffer,
  clock: Clock,
): Promise<repo.Attachment> {
  const item = await getItem(db, actor, itemId);
  authorize(actor, 'catalog.edit', { agencyId: item.agencyId });
  if (item.state !== 'draft') throw new DomainError('CATALOG_STATE', '只有草稿可以添加附件');
  const file = await checkAttachment(fileName, content);
  const existing = await repo.listAttachments(db, [itemId]);
  const att = {
    id: randomUUID(),
    item_id: itemId,
    file_name: file.fileName,
    media_type: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    content: file.content,
    sort_order: existing.length + 1,
    created_at: clock.now().toISOString(),
  };
  return db.transaction().execute(async (tx) => {
    await repo.insertAttachment(tx, att);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: 'catalog.attach',
        subjectType: 'catalog_item',
        subjectId: itemId,
        summary: `为“${item.title}”添加附件“${file.fileName}”`,
        after: { fileName: file.fileName, sha256: file.sha256, size: file.size },
      },
      clock,
    );
    return {
      id: att.id,
      itemId,
      fileName: att.file_name,
      mediaType: att.media_type,
      size: att.size,
      sha256: att.sha256,
    };
  });
}

/** Removes an attachment from a draft, audited. */
export async function removeAttachment(
  db: Db,
  actor: Actor,
  itemId: string,
  attachmentId: string,
  clock: Clock,
): Promise<void> {
  const item = await getItem(db, actor, itemId);
  authorize(actor, 'catalog.edit', { agencyId: item.agencyId });
  if (item.state !== 'draft') throw new DomainError('CATALOG_STATE', '只有草稿可以删除附件');
  await db.transaction().execute(async (tx) => {
    await repo.deleteAttachment(tx, itemId, attachmentId);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: 'catalog.detach',
        subjectType: 'catalog_item',
        subjectId: itemId,
        summary: `删除“${item.title}”的附件`,
        before: { attachmentId },
      },
      clock,
    );
  });
}
