/**
 * 第四十四条: when several applicants ask for the same information and it may be disclosed, the
 * agency may publish it proactively. The detector (src/domain/applications/similarity.ts) finds
 * the groups; this service lists them with their applications, and records what the agency
 * decided: a catalog draft started from the group (it then runs through the ordinary 保密审查
 * and 审核) or a dismissal with its reason. A group stays listed while any of its applications
 * is undecided, so a new applicant asking again brings a dismissed group back.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sameInformationGroups, type ComparableApplication } from '../../../domain/applications/similarity.ts';
import { parseDate } from '../../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../../domain/calendar/dates.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize } from '../../../policies/can.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findItemsByIds } from '../../catalog/catalog.repository.ts';
import { createDraft } from '../../catalog/catalog.service.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as repo from './suggestions.repository.ts';

/** How far back the detector looks. */
export const SUGGESTION_WINDOW_DAYS = 365;

/** One application of a suggestion, with the decision already taken on it, if any. */
export interface SuggestionMember {
  id: string;
  trackingNumber: string;
  applicantKind: string;
  arrivalDate: string;
  receivedDate: string | null;
  outcome: string | null;
  information: string;
  decision: Omit<repo.SuggestionDecision, 'applicationId' | 'batchId'> | null;
}

/** A group of applications for the same information, with a proposed catalog title and summary. */
export interface Suggestion {
  /** Stable while the group has the same applications. */
  key: string;
  applicants: number;
  proposedTitle: string;
  proposedSummary: string;
  members: SuggestionMember[];
}

/** A decision already taken, with the applications it covered. */
export interface HandledSuggestion {
  batchId: string;
  decision: 'drafted' | 'dismissed';
  reason: string;
  catalogItem: { id: string; title: string; state: string } | null;
  decidedBy: string;
  decidedAt: string;
  trackingNumbers: string[];
}

const information = (c: repo.SuggestionCandidate) =>
  [c.infoTitle, c.infoDescription].filter((x) => x.trim()).join('：');

async function currentGroups(deps: AppDeps, agencyId: string) {
  const since = formatIsoDate(parseDate(shanghaiDate(deps.clock.now())) - SUGGESTION_WINDOW_DAYS);
  const candidates = await repo.candidatesSince(deps.db, agencyId, since);
  const comparable: ComparableApplication[] = candidates.map((c) => ({
    id: c.id,
    trackingNumber: c.trackingNumber,
    applicantHash: c.applicantHash,
    description: `${c.infoTitle}${c.infoDescription}`,
    receivedDate: c.receivedDate,
    outcome: c.outcome,
  }));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return sameInformationGroups(comparable).map((g) => ({
    applicants: g.applicants,
    members: g.applicationIds.map((id) => byId.get(id)!),
  }));
}

function propose(members: repo.SuggestionCandidate[]): { title: string; summary: string } {
  const titled = members.map((m) => m.infoTitle.trim()).filter(Boolean);
  const described = members
    .map((m) => m.infoDescription.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const title = (titled[0] ?? described[described.length - 1] ?? '').slice(0, 200);
  return { title, summary: (described[0] ?? title).slice(0, 500) };
}

/** The open suggestions of an agency and the decisions already taken. */
export async function listSuggestions(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
): Promise<{ items: Suggestion[]; handled: HandledSuggestion[] }> {
  authorize(actor, 'applications.read', { agencyId });
  const groups = await currentGroups(deps, agencyId);
  const decisions = new Map(
    (
      await repo.decisionsFor(
        deps.db,
        groups.flatMap((g) => g.members.map((m) => m.id)),
      )
    ).map((d) => [d.applicationId, d]),
  );
  const items: Suggestion[] = groups
    .filter((g) => g.members.some((m) => !decisions.has(m.id)))
    .map((g) => {
      const { title, summary } = propose(g.members);
      return {
        key: createHash('sha256')
          .update(
            g.members
              .map((m) => m.id)
              .sort()
              .join(','),
          )
          .digest('hex')
          .slice(0, 16),
        applicants: g.applicants,
        proposedTitle: title,
        proposedSummary: summary,
        members: g.members.map((m) => {
          const d = decisions.get(m.id);
          return {
            id: m.id,
            trackingNumber: m.trackingNumber,
            applicantKind: m.applicantKind,
            arrivalDate: m.arrivalDate,
            receivedDate: m.receivedDate,
            outcome: m.outcome,
            information: information(m),
            decision: d
              ? {
                  decision: d.decision,
                  reason: d.reason,
                  catalogItemId: d.catalogItemId,
                  decidedBy: d.decidedBy,
                  decidedAt: d.decidedAt,
                }
              : null,
          };
        }),
      };
    });
  const recent = await repo.recentDecisions(deps.db, agencyId);
  const batches = new Map<string, HandledSuggestion & { catalogItemId: string | null }>();
  for (const d of recent) {
    const b = batches.get(d.batchId) ?? {
      batchId: d.batchId,
      decision: d.decision,
      reason: d.reason,
      catalogItemId: d.catalogItemId,
      catalogItem: null,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      trackingNumbers: [],
    };
    b.trackingNumbers.push(d.trackingNumber);
    batches.set(d.batchId, b);
  }
  const titles = new Map(
    (
      await findItemsByIds(
        deps.db,
        [...batches.values()].flatMap((b) => (b.catalogItemId ? [b.catalogItemId] : [])),
      )
    ).map((i) => [i.id, { id: i.id, title: i.title, state: i.state }]),
  );
  const handled = [...batches.values()].map(({ catalogItemId, ...b }) => ({
    ...b,
    catalogItem: catalogItemId ? (titles.get(catalogItemId) ?? null) : null,
  }));
  return { items, handled };
}

/** The current group that holds every one of `applicationIds`; refuses ids that are not (any longer) one suggestion. */
async function groupOf(deps: AppDeps, agencyId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) throw new ValidationError({ applicationIds: '请选择建议中的申请' });
  const group = (await currentGroups(deps, agencyId)).find((g) =>
    applicationIds.every((id) => g.members.some((m) => m.id === id)),
  );
  if (!group) throw new DomainError('CONFLICT', '该建议已发生变化或不属于本机关，请刷新后重试');
  const decided = await repo.decisionsFor(
    deps.db,
    group.members.map((m) => m.id),
  );
  if (decided.length === group.members.length) throw new DomainError('CONFLICT', '该建议已处理，请刷新后查看');
  return group;
}

/** What the clerk confirms when starting a catalog draft from a suggestion. */
export interface DraftFromSuggestion {
  applicationIds: string[];
  title: string;
  summary?: string;
  statutoryItem: string;
  docType: string;
  formedOn: string;
}

/**
 * Starts a catalog draft (主动公开) from a suggestion and records the decision on each of its
 * applications. The draft is the ordinary one: it is published only after 保密审查 and 审核.
 */
export async function draftFromSuggestion(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
  input: DraftFromSuggestion,
): Promise<{ catalogItemId: string }> {
  authorize(actor, 'applications.read', { agencyId });
  authorize(actor, 'catalog.edit', { agencyId });
  const group = await groupOf(deps, agencyId, input.applicationIds);
  const item = await createDraft(
    deps.db,
    actor,
    agencyId,
    {
      title: input.title,
      summary: input.summary ?? '',
      statutoryItem: input.statutoryItem,
      docType: input.docType,
      formedOn: input.formedOn,
    },
    deps.clock,
  );
  const ids = group.members.map((m) => m.id);
  const numbers = group.members.map((m) => m.trackingNumber).join('、');
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveDecisions(
      tx,
      agencyId,
      {
        batchId: randomUUID(),
        decision: 'drafted',
        reason: `起草主动公开信息“${item.title}”`,
        catalogItemId: item.id,
        decidedBy: actor.name,
        decidedAt: deps.clock.now().toISOString(),
      },
      ids,
    );
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'application.suggestion_draft',
        subjectType: 'catalog_item',
        subjectId: item.id,
        summary: `第四十四条：据${group.applicants}名申请人的相同申请（${numbers}）起草主动公开信息“${item.title}”`,
        after: { applicationIds: ids, catalogItemId: item.id },
      },
      deps.clock,
    );
  });
  return { catalogItemId: item.id };
}

/** Dismisses a suggestion with the reason (e.g. the information is not suitable for publication), audited. */
export async function dismissSuggestion(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
  applicationIds: string[],
  reason: string,
): Promise<{ dismissed: number }> {
  authorize(actor, 'applications.handle', { agencyId });
  const why = reason.trim();
  if (!why) throw new ValidationError({ reason: '请填写不予主动公开的理由' });
  if (why.length > 500) throw new ValidationError({ reason: '理由不超过500个字' });
  const group = await groupOf(deps, agencyId, applicationIds);
  const ids = group.members.map((m) => m.id);
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveDecisions(
      tx,
      agencyId,
      {
        batchId: randomUUID(),
        decision: 'dismissed',
        reason: why,
        catalogItemId: null,
        decidedBy: actor.name,
        decidedAt: deps.clock.now().toISOString(),
      },
      ids,
    );
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'application.suggestion_dismiss',
        subjectType: 'agency',
        subjectId: agencyId,
        summary: `第四十四条：不采纳主动公开建议（${group.members.map((m) => m.trackingNumber).join('、')}）：${why}`,
        after: { applicationIds: ids, reason: why },
      },
      deps.clock,
    );
  });
  return { dismissed: ids.length };
}
