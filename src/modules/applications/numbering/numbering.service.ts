/**
 * The agency's 申请编号 pattern (e.g. 洛工信依申〔{year}〕{seq}号): reading it with the number the
 * next application would get, and changing it (负责人, audited). Numbers already given keep their
 * text; the year's counter runs on, so a new pattern never repeats a seq.
 */
import {
  checkTrackingPattern,
  DEFAULT_TRACKING_PATTERN,
  formatTrackingNumber,
} from '../../../domain/applications/tracking.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize, can } from '../../../policies/can.ts';
import * as agencies from '../../agencies/agencies.repository.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as repo from '../applications.repository.ts';

/** The setting as the console shows it. */
export interface TrackingSettings {
  agencyId: string;
  trackingPattern: string;
  /** Whether the agency has not set a pattern and the platform's default applies. */
  isDefault: boolean;
  defaultPattern: string;
  /** The year and seq of the next application, for previews of any pattern. */
  year: number;
  nextSeq: number;
  /** The next application's number under the pattern in force. */
  nextNumber: string;
  /** Whether the actor may change the pattern. */
  canEdit: boolean;
}

async function load(deps: AppDeps, actor: Actor, agencyId: string): Promise<TrackingSettings> {
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  const [stored, nextSeq] = await Promise.all([
    repo.findTrackingPattern(deps.db, agencyId),
    repo.peekNextSeq(deps.db, agencyId, year),
  ]);
  const trackingPattern = stored ?? DEFAULT_TRACKING_PATTERN;
  return {
    agencyId,
    trackingPattern,
    isDefault: stored === null,
    defaultPattern: DEFAULT_TRACKING_PATTERN,
    year,
    nextSeq,
    nextNumber: formatTrackingNumber(trackingPattern, year, nextSeq),
    canEdit: can(actor, 'applications.approve', { agencyId }),
  };
}

/** The agency's pattern and the next number under it. */
export async function trackingSettings(deps: AppDeps, actor: Actor, agencyId: string): Promise<TrackingSettings> {
  authorize(actor, 'applications.read', { agencyId });
  if (!(await agencies.findById(deps.db, agencyId))) throw new DomainError('NOT_FOUND', '机构不存在');
  return load(deps, actor, agencyId);
}

/** Changes the pattern (the office head, 负责人); the problem with a bad pattern comes back under `trackingPattern`. */
export async function saveTrackingSettings(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
  pattern: string,
): Promise<TrackingSettings> {
  authorize(actor, 'applications.approve', { agencyId });
  if (!(await agencies.findById(deps.db, agencyId))) throw new DomainError('NOT_FOUND', '机构不存在');
  const trackingPattern = pattern.trim();
  const problem = checkTrackingPattern(trackingPattern);
  if (problem) throw new ValidationError({ trackingPattern: problem });
  const before = await repo.findTrackingPattern(deps.db, agencyId);
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveTrackingPattern(tx, agencyId, trackingPattern, deps.clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'application.settings',
        subjectType: 'agency',
        subjectId: agencyId,
        summary: `申请编号格式改为 ${trackingPattern}`,
        before: { trackingPattern: before ?? DEFAULT_TRACKING_PATTERN },
        after: { trackingPattern },
      },
      deps.clock,
    );
  });
  return load(deps, actor, agencyId);
}
