/**
 * SQL of the 第四十四条 suggestions: the recent disclosure applications the detector compares,
 * and the decisions taken on them (application_suggestion). Same SQL on SQLite and PostgreSQL.
 */
import type { DbOrTx } from '../../../db/database.ts';

/** What the suggestion list shows of one application (no personal data beyond the applicant type). */
export interface SuggestionCandidate {
  id: string;
  trackingNumber: string;
  applicantHash: string;
  applicantKind: string;
  arrivalDate: string;
  receivedDate: string | null;
  outcome: string | null;
  infoTitle: string;
  infoDescription: string;
}

/** A decision on one application of a suggestion. */
export interface SuggestionDecision {
  applicationId: string;
  batchId: string;
  decision: 'drafted' | 'dismissed';
  reason: string;
  catalogItemId: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** One agency's disclosure applications that arrived on or after `since`, newest first. */
export async function candidatesSince(
  db: DbOrTx,
  agencyId: string,
  since: string,
  limit = 2000,
): Promise<SuggestionCandidate[]> {
  const rows = await db
    .selectFrom('application')
    .select([
      'id',
      'tracking_number',
      'id_number_hash',
      'applicant_kind',
      'arrival_date',
      'received_date',
      'outcome',
      'info_title',
      'info_description',
    ])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'disclosure')
    .where('arrival_date', '>=', since)
    .orderBy('arrival_date', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingNumber: r.tracking_number,
    applicantHash: r.id_number_hash,
    applicantKind: r.applicant_kind,
    arrivalDate: r.arrival_date,
    receivedDate: r.received_date,
    outcome: r.outcome,
    infoTitle: r.info_title,
    infoDescription: r.info_description,
  }));
}

function toDecision(r: {
  application_id: string;
  batch_id: string;
  decision: string;
  reason: string;
  catalog_item_id: string | null;
  decided_by: string;
  decided_at: string;
}): SuggestionDecision {
  return {
    applicationId: r.application_id,
    batchId: r.batch_id,
    decision: r.decision === 'drafted' ? 'drafted' : 'dismissed',
    reason: r.reason,
    catalogItemId: r.catalog_item_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

/** The decisions recorded for these applications. */
export async function decisionsFor(db: DbOrTx, applicationIds: readonly string[]): Promise<SuggestionDecision[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('application_suggestion')
    .selectAll()
    .where('application_id', 'in', applicationIds as string[])
    .execute();
  return rows.map(toDecision);
}

/** An agency's most recent decisions (rows of the latest `limit` applications decided). */
export async function recentDecisions(
  db: DbOrTx,
  agencyId: string,
  limit = 500,
): Promise<Array<SuggestionDecision & { trackingNumber: string }>> {
  const rows = await db
    .selectFrom('application_suggestion as s')
    .innerJoin('application as a', 'a.id', 's.application_id')
    .selectAll('s')
    .select('a.tracking_number')
    .where('s.agency_id', '=', agencyId)
    .orderBy('s.decided_at', 'desc')
    .orderBy('a.tracking_number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toDecision(r), trackingNumber: r.tracking_number }));
}

/** Records (or replaces) the decision on each application: the latest decision counts. */
export async function saveDecisions(
  db: DbOrTx,
  agencyId: string,
  decision: Omit<SuggestionDecision, 'applicationId'>,
  applicationIds: readonly string[],
): Promise<void> {
  for (const applicationId of applicationIds) {
    const row = {
      application_id: applicationId,
      agency_id: agencyId,
      batch_id: decision.batchId,
      decision: decision.decision,
      reason: decision.reason,
      catalog_item_id: decision.catalogItemId,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
    };
    const { application_id: _id, ...rest } = row;
    await db
      .insertInto('application_suggestion')
      .values(row)
      .onConflict((oc) => oc.column('application_id').doUpdateSet(rest))
      .execute();
  }
}
