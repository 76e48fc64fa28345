/**
 * 第三十二条, last sentence: 「第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开
 * 可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。」
 *
 * So when the drafted decision discloses information a consulted third party objected to, each
 * such party must be told in writing — the 决定公开告知书 of the step 书面告知第三方 — before the
 * reply leaves the office. 予以公开 discloses all that was asked; a 部分公开 (第三十七条) may be the
 * very separation that keeps the objecting party's information back — the handler says so when
 * drafting it (`thirdPartyWithheld` on the decision's event), otherwise the notice is required.
 * The notice belongs to the decision it announces: a decision drafted again needs its notices
 * again. Pure: it reads the stored events.
 */
import type { OutcomeKey } from '../clock/outcomes.ts';

/** The stored events as this rule reads them (application_event). */
export interface StoredEventLike {
  readonly seq: number;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** A consulted third party that objected. */
export interface ObjectingParty {
  readonly consultationId: string;
  readonly partyName: string;
}

/** The outcomes that disclose information (第三十六条第二项, 第三十七条). */
export const DISCLOSING_OUTCOMES: readonly OutcomeKey[] = ['granted', 'partial'];

/** The event the 书面告知第三方 step records (never public: the applicant does not see it). */
export const THIRD_PARTY_NOTIFIED = 'thirdPartyNotified';

/** Third parties (第三十二条, not agencies under 第三十四条) whose latest answer is 不同意公开. */
export function objectingThirdParties(events: readonly StoredEventLike[]): ObjectingParty[] {
  const sent = events.filter(
    (e) =>
      e.type === 'consultationSent' && e.payload.party !== 'agency' && typeof e.payload.consultationId === 'string',
  );
  return sent
    .filter((s) => {
      const answers = events.filter(
        (e) => e.type === 'consultationAnswered' && e.payload.consultationId === s.payload.consultationId,
      );
      return answers.at(-1)?.payload.opinion === 'object';
    })
    .map((s) => ({
      consultationId: s.payload.consultationId as string,
      partyName: String(s.payload.partyName ?? '第三方'),
    }));
}

/**
 * The objecting third parties not yet told of the drafted decision to disclose: empty when the
 * decision discloses nothing, nobody objected, a 部分公开 withholds what they objected to, or
 * every objector got a notice after the latest draft of the decision.
 */
export function thirdPartyNoticesMissing(
  decisionOutcome: string | null,
  events: readonly StoredEventLike[],
): ObjectingParty[] {
  if (!decisionOutcome || !(DISCLOSING_OUTCOMES as readonly string[]).includes(decisionOutcome)) return [];
  const drafted = events.filter((e) => e.type === 'decisionDrafted').at(-1);
  if (decisionOutcome === 'partial' && drafted?.payload.thirdPartyWithheld === true) return [];
  const told = new Set(
    events
      .filter((e) => e.type === THIRD_PARTY_NOTIFIED && e.seq > (drafted?.seq ?? 0))
      .map((e) => e.payload.consultationId),
  );
  return objectingThirdParties(events).filter((p) => !told.has(p.consultationId));
}

/** Why the reply may not leave yet for want of these notices (release control), or null. */
export function thirdPartyBlocker(missing: readonly ObjectingParty[]): string | null {
  if (missing.length === 0) return null;
  return `第三方不同意公开而本机关决定公开的，须先将决定公开的内容和理由书面告知第三方（第三十二条），尚未告知：${missing.map((p) => p.partyName).join('、')}`;
}
