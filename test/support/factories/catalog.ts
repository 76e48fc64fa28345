/**
 * Test fixtures for the catalog: a migrated database with the demo platform, the bureau's
 * actors, and a helper that takes an item through the whole workflow. Used by the catalog,
 * search and power-list tests (never by the app).
 */
import type { Dialect } from '../../../src/db/database.ts';
import type { Clock } from '../../../src/domain/time.ts';
import type { Actor } from '../../../src/policies/actor.ts';
import { createTestDb, type TestDb } from '../db.ts';
import { TestClock } from '../clock.ts';
import { actorForUser } from '../../../src/modules/accounts/actor.ts';
import { findUserByUsername } from '../../../src/modules/accounts/users.repository.ts';
import { findByCodeOrName } from '../../../src/modules/agencies/agencies.repository.ts';
import { loadDemo } from '../../../src/modules/demo/demo.service.ts';
import { createDraft, type ItemInput } from '../../../src/modules/catalog/catalog.service.ts';
import type { CatalogItem } from '../../../src/modules/catalog/catalog.repository.ts';
import { act } from '../../../src/modules/catalog/workflow.service.ts';
import { TEST_KEYS } from '../keys.ts';

export interface CatalogFixture {
  t: TestDb;
  clock: TestClock;
  agencyId: string;
  clerk: Actor;
  reviewer: Actor;
  approver: Actor;
  head: Actor;
  supervisor: Actor;
}

/** A fresh database with the demo platform (including its catalog) and the bureau's staff. */
export async function catalogFixture(dialect: Dialect): Promise<CatalogFixture> {
  const t = await createTestDb(dialect);
  const clock = new TestClock('2025-03-03T02:00:00Z');
  await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 10, password: () => 'Demo-Passw0rd!' });
  const actor = async (username: string) =>
    actorForUser(t.db, (await findUserByUsername(t.db, username))!, { kind: 'user', scopes: null, clientIp: null });
  const agency = (await findByCodeOrName(t.db, 'luojiang-gxj'))!;
  return {
    t,
    clock,
    agencyId: agency.id,
    clerk: await actor('gxj.clerk'),
    reviewer: await actor('gxj.reviewer'),
    approver: await actor('gxj.approver'),
    head: await actor('gxj.head'),
    supervisor: await actor('zfb.supervisor'),
  };
}

export const sampleInput = (over: Partial<ItemInput> = {}): ItemInput => ({
  title: '关于做好2025年行政复议申请受理工作的通知',
  docNumber: '洛工信〔2025〕3号',
  statutoryItem: 'a20.15',
  docType: 'notice',
  summary: '明确行政复议申请的受理渠道和办理时限。',
  bodyHtml:
    '<p>各有关单位：为依法受理行政复议申请，现将有关事项通知如下。</p><p>一、申请人可以通过窗口、信函或者网上提交申请。</p>',
  formedOn: '2025-02-20',
  ...over,
});

/** Drafts, submits, clears and approves an item; returns it published. */
export async function publishThrough(
  f: CatalogFixture,
  input: ItemInput,
  clock: Clock = f.clock,
  publishAt: string | null = null,
): Promise<CatalogItem> {
  const draft = await createDraft(f.t.db, f.clerk, f.agencyId, input, clock);
  await act(f.t.db, f.clerk, draft.id, { kind: 'submit' }, clock);
  await act(
    f.t.db,
    f.reviewer,
    draft.id,
    { kind: 'confidentiality_pass', opinion: '经审查不涉及国家秘密、工作秘密和个人隐私' },
    clock,
  );
  return act(f.t.db, f.approver, draft.id, { kind: 'approve', opinion: '同意发布', publishAt }, clock);
}
