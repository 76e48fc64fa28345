/** SQL of the 行政复议 / 行政诉讼 register. Rows become `DisclosureCase` before they leave. */
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { DisclosureCaseTable } from '../../db/tables/cases.ts';
import type { CaseFields, CaseKind, CaseResult } from '../../domain/cases/index.ts';

/** A case of the register. */
export interface DisclosureCase extends CaseFields {
  id: string;
  agencyId: string;
  createdAt: string;
  updatedAt: string;
}

function toCase(r: Selectable<DisclosureCaseTable>): DisclosureCase {
  return {
    id: r.id,
    agencyId: r.agency_id,
    applicationId: r.application_id,
    kind: r.kind as CaseKind,
    caseNumber: r.case_number,
    party: r.party,
    organ: r.organ,
    subject: r.subject,
    filedDate: r.filed_date,
    concludedDate: r.concluded_date,
    result: r.result as CaseResult,
    resultNote: r.result_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(f: CaseFields) {
  return {
    application_id: f.applicationId,
    kind: f.kind,
    case_number: f.caseNumber,
    party: f.party,
    organ: f.organ,
    subject: f.subject,
    filed_date: f.filedDate,
    concluded_date: f.concludedDate,
    result: f.result,
    result_note: f.resultNote,
  };
}

export async function insertCase(
  db: DbOrTx,
  id: string,
  agencyId: string,
  f: CaseFields,
  now: string,
): Promise<DisclosureCase> {
  const row = await db
    .insertInto('disclosure_case')
    .values({ id, agency_id: agencyId, ...columns(f), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}

export async function updateCase(db: DbOrTx, id: string, f: CaseFields, now: string): Promise<DisclosureCase> {
  const row = await db
    .updateTable('disclosure_case')
    .set({ ...columns(f), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}

export async function findCase(db: DbOrTx, id: string): Promise<DisclosureCase | null> {
  const row = await db.selectFrom('disclosure_case').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : null;
}

export interface CaseFilter {
  agencyIds: string[] | 'all';
  kind?: CaseKind;
  result?: CaseResult;
  /** Cases that count in this report year (filed in it, or pending on its 1 January). */
  year?: number;
  applicationId?: string;
}

/** Cases matching the filter, newest filing first. */
export async function listCases(
  db: DbOrTx,
  f: CaseFilter,
  limit: number,
  offset: number,
): Promise<{ items: DisclosureCase[]; total: number }> {
  if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('disclosure_case');
  if (f.agencyIds !== 'all') q = q.where('agency_id', 'in', f.agencyIds);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.result) q = q.where('result', '=', f.result);
  if (f.applicationId) q = q.where('application_id', '=', f.applicationId);
  if (f.year !== undefined) {
    // The table 四 window (lifecycle.md): filed by 31 December Y, and filed in Y or not concluded before 1 January Y.
    const first = `${f.year}-01-01`;
    q = q
      .where('filed_date', '<=', `${f.year}-12-31`)
      .where((eb) =>
        eb.or([eb('filed_date', '>=', first), eb('concluded_date', 'is', null), eb('concluded_date', '>=', first)]),
      );
  }
  const total = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('filed_date', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  return { items: rows.map(toCase), total: Number(total.n) };
}

/** The facts table 四 needs for the cases of these agencies that may count in year Y. */
export async function caseFactsForYear(
  db: DbOrTx,
  agencyIds: readonly string[],
  year: number,
): Promise<Array<Pick<DisclosureCase, 'kind' | 'filedDate' | 'concludedDate' | 'result'>>> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('disclosure_case')
    .select(['kind', 'filed_date', 'concluded_date', 'result'])
    .where('agency_id', 'in', [...agencyIds])
    .where('filed_date', '<=', `${year}-12-31`)
    .where((eb) =>
      eb.or([
        eb('filed_date', '>=', `${year}-01-01`),
        eb('concluded_date', 'is', null),
        eb('concluded_date', '>=', `${year}-01-01`),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    kind: r.kind as CaseKind,
    filedDate: r.filed_date,
    concludedDate: r.concluded_date,
    result: r.result as CaseResult,
  }));
}
