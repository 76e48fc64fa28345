/**
 * The agency's application settings: its 申请编号 pattern (e.g. 洛工信依申〔{year}〕{seq}号) with the
 * number the next application would get, and its [INTERPRETATION] choice whether a late payment
 * may be accepted with a reason (lifecycle.md "Facts entered late"); changing them is the office
 * head's (负责人), audited. Numbers already given keep their text; the year's counter runs on, so a
 * new pattern never repeats a seq.
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
import { agencyClockSettings, type AppDeps } from '../applications.deps.ts';
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
  /**
   * [INTERPRETATION] A payment dated after its period may be registered with a recorded reason
   * (default no: 国办函〔2020〕109号「逾期未缴纳的视为放弃申请」has no 正当理由 exception).
   */
  lateFeePaymentAcceptable: boolean;
  /** Whether the actor may change the settings. */
  canEdit: boolean;
}

async function load(deps: AppDeps, actor: Actor, agencyId: string): Promise<TrackingSettings> {
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  const [stored, nextSeq, settings] = await Promise.all([
    repo.findTrackingPattern(deps.db, agencyId),
    repo.peekNextSeq(deps.db, agencyId, year),
    agencyClockSettings(deps, agencyId),
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
    lateFeePaymentAcceptable: settings.lateFeePaymentAcceptable,
    canEdit: can(actor, 'applications.approve', { agencyId }),
  };
}

/** The agency's pattern and the next number under it. */
export async function trackingSettings(deps: AppDeps, actor: Actor, agencyId: string): Promise<TrackingSettings> {
  authorize(actor, 'applications.read', { agencyId });
  if (!(await agencies.findById(deps.db, agencyId))) throw new DomainError('NOT_FOUND', '机构不存在');
  return load(deps, actor, agencyId);
}

/**
 * Changes the pattern and/or the late-payment setting (the office head, 负责人); the problem with a
 * bad pattern comes back under `trackingPattern`. Each change is audited.
 */
export async function saveTrackingSettings(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
  input: { trackingPattern?: string; lateFeePaymentAcceptable?: boolean },
): Promise<TrackingSettings> {
  authorize(actor, 'applications.approve', { agencyId });
  if (!(await agencies.findById(deps.db, agencyId))) throw new DomainError('NOT_FOUND', '机构不存在');
  if (input.trackingPattern === undefined && input.lateFeePaymentAcceptable === undefined)
    throw new ValidationError({ trackingPattern: '请填写申请编号格式或逾期缴费设置' });
  const trackingPattern = input.trackingPattern?.trim();
  if (trackingPattern !== undefined) {
    const problem = checkTrackingPattern(trackingPattern);
    if (problem) throw new ValidationError({ trackingPattern: problem });
  }
  const before = await repo.findTrackingPattern(deps.db, agencyId);
  const lateBefore = (await agencyClockSettings(deps, agencyId)).lateFeePaymentAcceptable;
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (trackingPattern !== undefined) {
      await repo.saveTrackingPattern(tx, agencyId, trackingPattern, now);
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
    }
    const late = input.lateFeePaymentAcceptable;
    if (late !== undefined) {
      await repo.saveLateFeeSetting(tx, agencyId, late, now, actor.name);
      await recordAudit(
        tx,
        actor,
        {
          agencyId,
          action: 'application.settings',
          subjectType: 'agency',
          subjectId: agencyId,
          summary: late
            ? '逾期缴费设置改为：写明理由可予接受（[解释性设置]，国办函〔2020〕109号未规定正当理由例外）'
            : '逾期缴费设置改为：不予接受（国办函〔2020〕109号：逾期未缴纳的视为放弃申请）',
          before: { lateFeePaymentAcceptable: lateBefore },
          after: { lateFeePaymentAcceptable: late },
        },
        deps.clock,
      );
    }
  });
  return load(deps, actor, agencyId);
}
