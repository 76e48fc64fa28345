/**
 * Loads the demo catalog of the 洛江区工信局 (catalog.demo.data.ts) through the ordinary
 * services — drafted by the clerk, cleared by the reviewer, approved by the approver, each at
 * its historical date — so that it carries the same review records and audit events as real
 * work. Also its categories, its 政府信息公开制度 page and its 第二十条 figures.
 */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { actorForUser } from '../accounts/actor.ts';
import { findUserByUsername } from '../accounts/users.repository.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { createDraft } from '../catalog/catalog.service.ts';
import { saveCategory, saveSettings } from '../catalog/settings.service.ts';
import { endValidity } from '../catalog/validity.service.ts';
import { act } from '../catalog/workflow.service.ts';
import { saveAmounts, saveFigure } from '../power-list/power-list.service.ts';
import {
  DEMO_AMOUNTS,
  DEMO_CATEGORIES,
  DEMO_ITEMS,
  DEMO_POWER_LIST,
  DEMO_REPEAL,
  DEMO_RULES_HTML,
} from './catalog.demo.data.ts';

/** A clock fixed at 09:30 Beijing time on `date` (01:30 UTC). */
/** The demo bureau's 统一社会信用代码 (fictional, check character correct). */
export const DEMO_ORG_CODE = '113505040032051248';

const at = (date: string): Clock => ({ now: () => new Date(`${date}T01:30:00Z`) });

/** Loads the bureau's demo catalog; `agencyIds` maps demo agency keys to ids. */
export async function loadCatalogDemo(db: Db, clock: Clock, agencyIds: ReadonlyMap<string, string>): Promise<void> {
  const agencyId = agencyIds.get('lj-gxj')!;
  const actor = async (username: string) =>
    actorForUser(db, (await findUserByUsername(db, username))!, { kind: 'user', scopes: null, clientIp: null });
  const [clerk, reviewer, approver, admin] = [
    await actor('gxj.clerk'),
    await actor('gxj.reviewer'),
    await actor('gxj.approver'),
    await actor('gxj.admin'),
  ];
  const system = systemActor('演示数据');
  // A fictional 统一社会信用代码 with a correct GB 32100 check character: 索引号 read 113505040032051248/2025-00001.
  await saveSettings(db, admin, agencyId, { rulesHtml: DEMO_RULES_HTML, orgCode: DEMO_ORG_CODE }, clock);
  const categories = new Map<string, string>();
  for (const c of DEMO_CATEGORIES) categories.set(c.name, (await saveCategory(db, admin, agencyId, null, c, clock)).id);
  const calendar = await loadCalendar(db);
  const ids = new Map<string, string>();
  for (const d of DEMO_ITEMS) {
    const formed = at(d.formedOn);
    const statutoryItem = DEMO_CATEGORIES.find((c) => c.name === d.category)!.statutoryItem;
    const draft = await createDraft(
      db,
      clerk,
      agencyId,
      {
        title: d.title,
        docNumber: d.docNumber ?? '',
        statutoryItem,
        categoryId: categories.get(d.category)!,
        docType: d.docType,
        summary: '',
        bodyHtml: d.body,
        formedOn: d.formedOn,
        effectiveOn: d.effectiveOn ?? null,
        replacesId: d.replaces ? ids.get(d.replaces)! : null,
        interpretsId: d.interprets ? ids.get(d.interprets)! : null,
        videoUrl: d.videoUrl ?? null,
        qa: d.qa ?? null,
      },
      formed,
      calendar,
    );
    if (d.key) ids.set(d.key, draft.id);
    if (!d.publishedOn) continue;
    await act(db, clerk, draft.id, { kind: 'submit' }, at(d.publishedOn));
    await act(
      db,
      reviewer,
      draft.id,
      { kind: 'confidentiality_pass', opinion: '经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开' },
      at(d.publishedOn),
    );
    await act(db, approver, draft.id, { kind: 'approve', opinion: '同意发布', publishAt: null }, at(d.publishedOn));
    if (d.withdraw)
      await act(db, approver, draft.id, { kind: 'withdraw', reason: d.withdraw.reason }, at(d.withdraw.on));
  }
  await endValidity(
    db,
    approver,
    ids.get(DEMO_REPEAL.item)!,
    { endedAs: 'repealed', endedOn: DEMO_REPEAL.endedOn, reason: DEMO_REPEAL.reason },
    at(DEMO_REPEAL.endedOn),
  );
  for (const f of DEMO_POWER_LIST) await saveFigure(db, system, agencyId, f, clock);
  for (const a of DEMO_AMOUNTS) await saveAmounts(db, system, agencyId, a, clock);
}
