/**
 * The workflow steps of the console (第三十条–第三十七条, 第四十二条, 第四十五条). Each step:
 * authorize by its permission → check the guard (src/domain/applications/workflow.ts) → validate
 * its input → append its events through `applyChange`. The steps the 条例 says are made in
 * writing issue their notice in the same transaction (modules/applications/documents/notices.ts): 补正, 征求意见
 * (one letter per party, several parties in one step), 批准延期, 收费, and 书面告知第三方
 * (第三十二条: a decision to disclose over a third party's objection).
 *
 * This file is the shared frame; each step's own work is a handler in `STEP_HANDLERS`, grouped by
 * topic (intake.ts, correction.ts, consultation.ts, extension.ts, fee.ts, decision.ts).
 */
import { Compile, type Validator } from 'typebox/compile';
import { assertStep, STEP_LABELS, STEPS, stepPermissions, type Step } from '../../../domain/applications/workflow.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { schemaFieldErrors } from '../../../http/problem.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/letters/index.ts';
import type { ApplicationPermission } from '../../../domain/applications/workflow.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize, can } from '../../../policies/can.ts';
import { calendarFor } from '../applications.calendar.ts';
import { applyChange, situationOf } from '../applications.apply.ts';
import { issueNotice } from '../documents/notices.ts';
import { clockOf } from '../applications.clock.ts';
import { agencyClockSettings, type AppDeps } from '../applications.deps.ts';
import { reverseLapse } from './back-entry.ts';
import * as events from '../applications.events.repository.ts';
import * as repo from '../applications.repository.ts';
import { consultationSteps } from './consultation.ts';
import { stepDate, type StepContext, type StepHandler, type StepInput } from './context.ts';
import { correctionSteps } from './correction.ts';
import { decisionSteps } from './decision.ts';
import { extensionSteps } from './extension.ts';
import { feeSteps } from './fee.ts';
import { intakeSteps } from './intake.ts';

export type { ConsultationRow, StepInput } from './context.ts';
export { MAX_PARTIES_PER_STEP } from './consultation.ts';

/** Every step's handler: the mapped type makes a missing step a compile error. */
const STEP_HANDLERS: { [S in Step]: StepHandler } = {
  ...intakeSteps,
  ...correctionSteps,
  ...consultationSteps,
  ...extensionSteps,
  ...feeSteps,
  ...decisionSteps,
};

/** Each step's body checker, compiled on first use. */
const checkers = new Map<Step, Validator>();

/**
 * The body of a step checked against the step's own schema (only the fields it reads): a field
 * it does not take, or of the wrong type, is a ValidationError naming the field.
 */
export function parseStepBody(step: Step, body: unknown): StepInput {
  let checker = checkers.get(step);
  if (!checker) checkers.set(step, (checker = Compile(STEP_HANDLERS[step].body)));
  if (!checker.Check(body)) throw new ValidationError(schemaFieldErrors(checker.Errors(body)));
  return body as StepInput;
}

/** For the API document: the fields each step takes. */
export const STEP_BODY_FIELDS = STEPS.map(
  (s) => `${s}（${STEP_LABELS[s]}）：${Object.keys(STEP_HANDLERS[s].body.properties).join('、') || '无'}`,
).join('；\n');

/** Takes one workflow step on an application. */
export async function performStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  step: Step,
  input: StepInput,
): Promise<repo.ApplicationRecord> {
  const { db, clock } = deps;
  const rec = await repo.findById(db, id);
  if (!rec) throw new DomainError('NOT_FOUND', '申请不存在');
  const settings = await agencyClockSettings(deps, rec.agencyId);
  authorize(actor, 'applications.read', { agencyId: rec.agencyId });
  // A review or sign-off done on paper may be entered by the clerk or handler, with the scan.
  const paper = (step === 'reviewConfidentiality' || step === 'signOff') && input.paper !== undefined;
  const allowed: readonly ApplicationPermission[] = paper
    ? [...stepPermissions(step), 'applications.register', 'applications.handle']
    : stepPermissions(step);
  if (!allowed.some((p) => can(actor, p, { agencyId: rec.agencyId })))
    authorize(actor, allowed[0]!, { agencyId: rec.agencyId });
  const today = shanghaiDate(clock.now());
  const calendar = await calendarFor(db);
  const stored = await events.listEvents(db, rec.id);
  const clockNow = clockOf(stored, today, calendar);
  assertStep(step, situationOf(rec, stored, clockNow, today, settings));
  const ctx: StepContext = {
    step,
    deps,
    actor,
    rec,
    stored,
    clockNow,
    today,
    settings,
    calendar,
    input,
    date: (after) => stepDate(input.date, 'date', rec, today, after),
  };
  const outcome = await STEP_HANDLERS[step].run(ctx);
  const ev = outcome.events;
  const patch = outcome.patch ?? {};
  const summary = outcome.summary ?? STEP_LABELS[step];
  const notices = outcome.notices ?? [];
  const reversible = outcome.reversible ?? null;
  const at = clock.now().toISOString();
  const issued = notices.map((n) => `${DOCUMENT_KIND_LABELS[n.draft.kind]}（致${n.draft.recipientName}）`);
  return applyChange(deps, actor, rec, calendar, {
    events: ev,
    patch,
    action: `application.${step}`,
    summary: issued.length ? `${summary}，出具${issued.join('、')}` : summary,
    after: issued.length
      ? { ...patch, notices: notices.map((n) => ({ kind: n.draft.kind, recipient: n.draft.recipientName })) }
      : undefined,
    // The step's events are the last ones appended, in the order pushed.
    also:
      notices.length || reversible
        ? async (tx, after, all) => {
            const first = all.length - ev.length;
            for (const n of notices)
              await issueNotice(tx, actor, rec, n.draft, { clock: after, calendar, step: all[first + n.event]!, at });
            if (reversible) await reverseLapse(tx, actor, clock, rec, reversible, after, all, at);
          }
        : undefined,
  });
}
