/**
 * Validity of 规章 and 规范性文件 (有效 / 失效 / 废止 / 已修订) and how it changes over time.
 * Table 二 of the V2021 report counts 本年废止件数 and 现行有效件数 from it (lifecycle.md).
 */
export const VALIDITY_END_KINDS = ['lapsed', 'repealed', 'revised'] as const;
/** 失效 (expired by its own terms), 废止 (repealed), 已修订 (replaced by a revision). */
export type ValidityEnd = (typeof VALIDITY_END_KINDS)[number];

export const VALIDITY_LABELS: Record<'valid' | ValidityEnd, string> = {
  valid: '有效',
  lapsed: '失效',
  repealed: '废止',
  revised: '已修订',
};

export function isValidityEnd(value: string): value is ValidityEnd {
  return (VALIDITY_END_KINDS as readonly string[]).includes(value);
}

/** The facts about a document's validity. `endedOn` is the day it stopped being 有效. */
export interface ValidityFacts {
  readonly endedAs: ValidityEnd | null;
  readonly endedOn: string | null;
}

/** The validity label as of `date` ('YYYY-MM-DD'): 有效 until the day it ended. */
export function validityOn(facts: ValidityFacts, date: string): 'valid' | ValidityEnd {
  if (facts.endedAs && facts.endedOn && facts.endedOn <= date) return facts.endedAs;
  return 'valid';
}
