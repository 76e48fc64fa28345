/** The statutory clock of applications (第三十条–第三十五条) and of proactive publication (第二十六条). */
export { computeClock } from './compute.ts';
export type { ClockInput } from './compute.ts';
export { publicationDue, PUBLICATION_WORKING_DAYS } from './publication.ts';
export type { PublicationDue, PublicationDueOptions } from './publication.ts';
export { DEFAULT_CLOCK_SETTINGS, resolveClockSettings } from './settings.ts';
export type { ClockSettings } from './settings.ts';
export { OUTCOME_KEYS, isOutcomeKey } from './outcomes.ts';
export type { OutcomeKey } from './outcomes.ts';
export { CLOCK_EVENT_INVALID } from './errors.ts';
export type * from './types.ts';
