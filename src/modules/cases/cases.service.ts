/**
 * The 行政复议 / 行政诉讼 register (第五十一条; report table 四): cases about an agency's
 * disclosure work, linked to an application or standing alone. Staff of the agency keep it; a
 * supervisor reads its subtree. `caseFigures` gives table 四 to the annual report.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import {
  CASE_KIND_LABELS,
  countCases,
  DEFAULT_CASE_COUNTING,
  validateCase,
  type CaseCountingSettings,
  type CaseFields,
  type CaseFigures,
  type CaseKind,
  type CaseResult,
} from '../../domain/cases/index.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, canSeeAgency } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './cases.repository.ts';

export type { DisclosureCase } from './cases.repository.ts';

/** A case as typed in the console or sent to the API; blank optional fields may be omitted. */
export interface CaseInput {
  kind: CaseKind;
  caseNumber?: string;
  party: string;
  organ: string;
  subject?: string;
  filedDate: string;
  concludedDate?: string | null;
  result: CaseResult;
  resultNote?: string;
  applicationId?: string | null;
}

function normalize(input: CaseInput): CaseFields {
  const blankToNull = (s: string | null | undefined) =>
    s === undefined || s === null || s.trim() === '' ? null : s.trim();
  return {
    kind: input.kind,
    caseNumber: (input.caseNumber ?? '').trim(),
    party: input.party.trim(),
    organ: input.organ.trim(),
    subject: (input.subject ?? '').trim(),
    filedDate: input.filedDate.trim(),
    concludedDate: blankToNull(input.concludedDate),
    result: input.result,
    resultNote: (input.resultNote ?? '').trim(),
    applicationId: blankToNull(input.applicationId),
  };
}

const describe = (c: CaseFields) =>
  `${CASE_KIND_LABELS[c.kind]}${c.caseNumber ? ` ${c.caseNumber}` : ''}（${c.party}）`;

/** Registers a case for an agency. */
export async function createCase(
  db: Db,
  actor: Actor,
  agencyId: string,
  input: CaseInput,
  clock: Clock,
): Promise<repo.DisclosureCase> {
  authorize(actor, 'cases.manage', { agencyId });
  if (!(await findAgency(db, agencyId))) throw new ValidationError({ agencyId: '机构不存在' });
  const fields = normalize(input);
  validateCase(fields, shanghaiDate(clock.now()));
  return db.transaction().execute(async (tx) => {
    const created = await repo.insertCase(tx, randomUUID(), agencyId, fields, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'case.create',
        subjectType: 'case',
        subjectId: created.id,
        summary: `登记${describe(fields)}`,
        after: fields,
      },
      clock,
    );
    return created;
  });
}

/** One case, if the actor may see its agency. */
export async function getCase(db: DbOrTx, actor: Actor, id: string): Promise<repo.DisclosureCase> {
  authorize(actor, 'cases.read');
  const found = await repo.findCase(db, id);
  // Another agency's case answers like a missing one: its existence is not disclosed.
  if (!found || !canSeeAgency(actor, found.agencyId)) throw new DomainError('NOT_FOUND', '案件不存在');
  return found;
}

/** Changes a case (e.g. records its conclusion); the fields not sent keep their values. */
export async function updateCase(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<CaseInput>,
  clock: Clock,
): Promise<repo.DisclosureCase> {
  const current = await getCase(db, actor, id);
  authorize(actor, 'cases.manage', { agencyId: current.agencyId });
  const fields = normalize({ ...current, ...patch });
  validateCase(fields, shanghaiDate(clock.now()));
  return db.transaction().execute(async (tx) => {
    const updated = await repo.updateCase(tx, id, fields, clock.now().toISOString());
    const { id: _i, agencyId: _a, createdAt: _c, updatedAt: _u, ...before } = current;
    await recordAudit(
      tx,
      actor,
      {
        agencyId: current.agencyId,
        action: 'case.update',
        subjectType: 'case',
        subjectId: id,
        summary: `修改${describe(fields)}`,
        before,
        after: fields,
      },
      clock,
    );
    return updated;
  });
}

export interface CaseQuery {
  agencyId?: string;
  year?: number;
  kind?: CaseKind;
  result?: CaseResult;
  applicationId?: string;
  limit?: number;
  offset?: number;
}

/** Cases of one agency, or of every agency the actor can see. */
export async function listCases(
  db: DbOrTx,
  actor: Actor,
  q: CaseQuery,
): Promise<{ items: repo.DisclosureCase[]; total: number }> {
  authorize(actor, 'cases.read', q.agencyId ? { agencyId: q.agencyId } : {});
  const agencyIds = q.agencyId ? [q.agencyId] : actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies];
  return repo.listCases(
    db,
    { agencyIds, kind: q.kind, result: q.result, year: q.year, applicationId: q.applicationId },
    Math.min(q.limit ?? 50, 200),
    q.offset ?? 0,
  );
}

/**
 * Table 四 for report year Y over the given agencies (one agency, or a government's subtree for
 * an aggregated report), counted exactly as lifecycle.md says. For the annual report: the caller
 * has already authorized reading these agencies.
 */
export async function caseFigures(
  db: DbOrTx,
  agencyIds: readonly string[],
  year: number,
  settings: CaseCountingSettings = DEFAULT_CASE_COUNTING,
): Promise<CaseFigures> {
  return countCases(await repo.caseFactsForYear(db, agencyIds, year), year, settings);
}
