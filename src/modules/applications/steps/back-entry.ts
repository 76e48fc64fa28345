/**
 * Facts entered late (lifecycle.md "Facts entered late"): every event carries the date it
 * happened, and the clock uses that date whenever it is entered (the entry time is the event's
 * `at`). Two consequences live here:
 * - a lapse the sweep recorded (视为放弃申请) is reversed when a correction or payment dated in time
 *   is registered later: the 'lapsed' event stays in the history, a 'lapseVoided' event follows
 *   it, its 视为放弃申请告知书 is kept but marked void, and the reversal is audited;
 * - a 保密审查 or 签发 is entered by the reviewer's or approver's own account, or recorded as a
 *   paper sign-off with the scan of the signed form (a file of the application, role signoff_scan).
 */
import type { DbOrTx } from '../../../db/database.ts';
import type { ClockResult } from '../../../domain/clock/types.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate, shanghaiDate, type Clock } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import type * as repo from '../applications.repository.ts';
import * as letters from '../documents/documents.repository.ts';

const LAPSE_LABEL = {
  correctionLapsed: { fact: '补正', lapse: '逾期不补正' },
  feeLapsed: { fact: '缴费', lapse: '逾期未缴费' },
} as const;

/**
 * After a correction or payment is registered (in `tx`, with the clock after it): if the sweep had
 * recorded the lapse it undoes, reverse it — kept in the history, its notice marked void, audited.
 */
export async function reverseLapse(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  rec: repo.ApplicationRecord,
  kind: 'correctionLapsed' | 'feeLapsed',
  after: ClockResult,
  stored: readonly events.EventRecord[],
  at: string,
): Promise<void> {
  if (after.closedBy === kind) return;
  const voided = new Set(stored.filter((e) => e.type === 'lapseVoided').map((e) => e.payload.lapsedSeq));
  const lapsed = [...stored].reverse().find((e) => e.type === 'lapsed' && e.payload.by === kind && !voided.has(e.seq));
  if (!lapsed) return;
  const label = LAPSE_LABEL[kind];
  const fact = [...stored]
    .reverse()
    .find((e) => e.type === (kind === 'correctionLapsed' ? 'correctionReceived' : 'feePaid'))!;
  const summary = `${formatChineseDate(fact.date)}的${label.fact}于${formatChineseDate(shanghaiDate(new Date(at)))}补录，撤销${formatChineseDate(lapsed.date)}“${label.lapse}，视为放弃申请”的认定；原视为放弃申请告知书作废（保留存档）`;
  await events.insertEvent(tx, rec.id, {
    type: 'lapseVoided',
    date: shanghaiDate(new Date(at)),
    payload: { lapsedSeq: lapsed.seq, by: kind, factDate: fact.date },
    public: true,
    summary,
    actorName: actor.name,
    at,
  });
  const notices = (await letters.listLetters(tx, rec.id)).filter(
    (l) => l.kind === 'lapse_notice' && l.eventSeq === lapsed.seq && l.voidedAt === null,
  );
  for (const l of notices) await letters.voidLetter(tx, l.id, at, summary);
  await recordAudit(
    tx,
    actor,
    {
      agencyId: rec.agencyId,
      action: 'application.lapse_reversed',
      subjectType: 'application',
      subjectId: rec.id,
      summary: `${rec.trackingNumber}：${summary}`,
      before: { state: 'closed', closedBy: kind, closedDate: lapsed.date, lapsedSeq: lapsed.seq },
      after: { state: after.state, closedBy: after.closedBy, voidedLetters: notices.map((l) => l.id) },
    },
    clock,
  );
}

/**
 * Who reviewed or signed: the actor's own account, or — when the step is recorded from a paper
 * form — the person who signed it, with the scan as evidence. A back-dated entry by the person
 * themself says so in the timeline.
 */
export async function paperSigner(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
  step: 'reviewConfidentiality' | 'signOff',
  input: { paper?: { signedBy: string; scanFileId: string } },
  actor: Actor,
  date: string,
  today: string,
): Promise<{ name: string; payload: Record<string, unknown>; text: string }> {
  const what = step === 'signOff' ? '签发' : '保密审查';
  if (input.paper === undefined)
    return {
      name: actor.name,
      payload: {},
      text: date < today ? `（${formatChineseDate(date)}${what}，${formatChineseDate(today)}由本人补录）` : '',
    };
  const signedBy = (input.paper.signedBy ?? '').trim();
  if (signedBy.length === 0 || signedBy.length > 50)
    throw new ValidationError({ 'paper.signedBy': `请填写在纸质审签单上${what}的人员姓名（不超过50个字）` });
  const scan = (await events.listFiles(deps.db, rec.id)).find(
    (f) => f.id === input.paper!.scanFileId && f.role === 'signoff_scan',
  );
  if (!scan)
    throw new ValidationError({
      'paper.scanFileId': `请先上传纸质审签单的扫描件（文件类别：审签单扫描件），再登记纸质${what}`,
    });
  return {
    name: signedBy,
    payload: { paper: true, scanFileId: scan.id, enteredBy: actor.name },
    text: `（纸质${what}，${formatChineseDate(date)}由${signedBy}签署，${actor.name}据扫描件“${scan.filename}”登记）`,
  };
}
