/**
 * How an application ended: the V2021 leaf keys of report table 三 (report-json.md,
 * lifecycle.md "Outcomes"). Kept local to the clock for now; the report module owns the
 * labels and the two will be unified.
 */
export const OUTCOME_KEYS = [
  'granted',
  'partial',
  'withheld_state_secret',
  'withheld_prohibited',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal',
  'withheld_process',
  'withheld_enforcement_file',
  'withheld_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirm',
  'other_no_correction',
  'other_no_fee',
  'other_other',
] as const;

/** One leaf row of report table 三. */
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** Outcomes the clock derives itself from a lapse; a reply cannot carry them. */
export const LAPSE_OUTCOMES: readonly OutcomeKey[] = ['other_no_correction', 'other_no_fee'];

/** Whether a string is an outcome key. */
export function isOutcomeKey(value: unknown): value is OutcomeKey {
  return typeof value === 'string' && (OUTCOME_KEYS as readonly string[]).includes(value);
}
