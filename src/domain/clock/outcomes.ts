/**
 * How an application ended: one V2021 leaf row of report table 三 (report-json.md,
 * lifecycle.md "Outcomes"). The report formats own the list and its labels; the clock
 * re-exports it so that clock code and the report can never disagree.
 */
import { OUTCOME_KEYS, type OutcomeKey } from '../report/table3-rows.ts';

export { OUTCOME_KEYS, type OutcomeKey };

/** Outcomes the clock derives itself from a lapse; a reply cannot carry them. */
export const LAPSE_OUTCOMES: readonly OutcomeKey[] = ['other_no_correction', 'other_no_fee'];

/** Whether a string is an outcome key. */
export function isOutcomeKey(value: unknown): value is OutcomeKey {
  return typeof value === 'string' && (OUTCOME_KEYS as readonly string[]).includes(value);
}
