/** Agencies: the tree of 行政机关 that do disclosure work, and their office contacts. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { validateAgency, type AgencyContact, type AgencyFields, type AgencyLevel } from '../../domain/agency.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, canSeeAgency } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reindexAgencies } from '../search/reindex.service.ts';
import * as repo from './agencies.repository.ts';

export type { Agency } from './agencies.repository.ts';

export async function listVisibleAgencies(db: Db, actor: Actor): Promise<repo.Agency[]> {
  authorize(actor, 'agencies.read');
  if (actor.visibleAgencies === 'all') return repo.findAll(db);
  return repo.findByIds(db, [...actor.visibleAgencies]);
}

export async function getAgency(db: Db, actor: Actor, id: string): Promise<repo.Agency> {
  authorize(actor, 'agencies.read', { agencyId: id });
  const agency = await repo.findById(db, id);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  return agency;
}

/** Resolves the CLI's `--agency NAME_OR_CODE`. */
export async function findAgencyByKey(db: Db, key: string): Promise<repo.Agency> {
  const agency = await repo.findByCodeOrName(db, key.trim());
  if (!agency) throw new DomainError('NOT_FOUND', `找不到机构“${key}”（请用机构全称或机构代码）`);
  return agency;
}

export interface AgencyInput {
  parentId: string | null;
  name: string;
  shortName: string;
  code: string;
  level: AgencyLevel;
  makesRules: boolean;
  contact: Partial<AgencyContact>;
}

function normalize(input: AgencyInput): AgencyFields {
  const c = input.contact;
  return {
    parentId: input.parentId,
    name: input.name.trim(),
    shortName: input.shortName.trim(),
    code: input.code.trim(),
    level: input.level,
    makesRules: input.makesRules,
    contact: {
      address: c.address?.trim() ?? '',
      postcode: c.postcode?.trim() ?? '',
      hours: c.hours?.trim() ?? '',
      phone: c.phone?.trim() ?? '',
      fax: c.fax?.trim() ?? '',
      email: c.email?.trim() ?? '',
    },
  };
}

async function checkPlacement(db: Db, fields: AgencyFields, selfId: string | null) {
  let parentLevel: AgencyLevel | null = null;
  if (fields.parentId) {
    const parent = await repo.findById(db, fields.parentId);
    if (!parent) throw new ValidationError({ parentId: '上级机构不存在' });
    parentLevel = parent.level;
    if (selfId) {
      const below = await repo.subtreeIds(db, [selfId]);
      if (below.includes(fields.parentId)) throw new ValidationError({ parentId: '上级机构不能是本机构或其下级机构' });
    }
  }
  validateAgency(fields, parentLevel);
  if (await repo.codeTaken(db, fields.code, selfId ?? undefined))
    throw new ValidationError({ code: '该机构代码已被使用' });
}

/**
 * Creates an agency. The system administrator places it anywhere; an agency administrator only
 * below its own agency — directly or under one of the sub-agencies already there (内设机构、派出
 * 机构) — never beside or above it (issue 15: this was possible and undocumented; now it is the
 * documented rule, docs/security.md, and each creation is an audit event).
 */
export async function createAgency(db: Db, actor: Actor, input: AgencyInput, clock: Clock): Promise<repo.Agency> {
  authorize(actor, 'agencies.manage');
  if (actor.visibleAgencies !== 'all') {
    if (!input.parentId) throw new DomainError('FORBIDDEN', '只有系统管理员可以创建顶级机构');
    const own = actor.agencyId ? await repo.subtreeSet(db, [actor.agencyId]) : new Set<string>();
    if (!own.has(input.parentId))
      throw new DomainError(
        'OUTSIDE_SUBTREE',
        '所选上级机构不在本机构及其下级机构的范围内：机构管理员只能在本机构之下新建机构',
        {
          field: 'parentId',
        },
      );
  }
  const fields = normalize(input);
  await checkPlacement(db, fields, null);
  return db.transaction().execute(async (tx) => {
    const agency = await repo.insertAgency(tx, randomUUID(), fields, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId: agency.id,
        action: 'agency.create',
        subjectType: 'agency',
        subjectId: agency.id,
        summary: `新建机构“${agency.name}”`,
        after: fields,
      },
      clock,
    );
    return agency;
  });
}

export async function updateAgency(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<AgencyInput>,
  clock: Clock,
): Promise<repo.Agency> {
  authorize(actor, 'agencies.manage', { agencyId: id });
  const current = await getAgency(db, actor, id);
  const structural =
    patch.parentId !== undefined ||
    patch.level !== undefined ||
    patch.code !== undefined ||
    patch.makesRules !== undefined;
  if (structural && actor.kind !== 'system' && !actor.roles.includes('system_admin')) {
    const changed =
      (patch.parentId !== undefined && patch.parentId !== current.parentId) ||
      (patch.level !== undefined && patch.level !== current.level) ||
      (patch.code !== undefined && patch.code !== current.code) ||
      (patch.makesRules !== undefined && patch.makesRules !== current.makesRules);
    if (changed) throw new DomainError('FORBIDDEN', '机构层级、上级、代码和规章制定权只能由系统管理员修改');
  }
  if (patch.parentId && !canSeeAgency(actor, patch.parentId))
    throw new DomainError('FORBIDDEN', '您无权把机构移到该上级机构之下');
  const fields = normalize({
    parentId: patch.parentId !== undefined ? patch.parentId : current.parentId,
    name: patch.name ?? current.name,
    shortName: patch.shortName ?? current.shortName,
    code: patch.code ?? current.code,
    level: patch.level ?? current.level,
    makesRules: patch.makesRules ?? current.makesRules,
    contact: { ...current.contact, ...patch.contact },
  });
  await checkPlacement(db, fields, id);
  return db.transaction().execute(async (tx) => {
    const agency = await repo.updateAgency(tx, id, fields, clock.now().toISOString());
    // The search index filters by subtree with the path of each item's agency: a move changes it.
    if (fields.parentId !== current.parentId) await reindexAgencies(tx, await repo.subtreeIds(tx, [id]));
    const { createdAt: _c, updatedAt: _u, id: _i, ...before } = current;
    await recordAudit(
      tx,
      actor,
      {
        agencyId: id,
        action: 'agency.update',
        subjectType: 'agency',
        subjectId: id,
        summary: `修改机构“${agency.name}”的信息`,
        before,
        after: fields,
      },
      clock,
    );
    return agency;
  });
}

/** Agencies are public information: the portal lists them without an actor. */
export async function publicAgencies(db: Db): Promise<repo.Agency[]> {
  return repo.findAll(db);
}

export async function publicAgencyByCode(db: Db, code: string): Promise<repo.Agency | null> {
  const agency = await repo.findByCodeOrName(db, code);
  return agency && agency.code === code ? agency : null;
}
