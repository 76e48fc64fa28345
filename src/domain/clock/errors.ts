/**
 * Errors of the clock: an event sequence the statute does not allow. The message is Chinese
 * and cites the article; `details` say which event (its position, type and date).
 */
import { DomainError } from '../errors.ts';

/** Stable code of every invalid clock event. */
export const CLOCK_EVENT_INVALID = 'CLOCK_EVENT_INVALID';

/** Where an invalid event sits in the list the caller passed. */
export interface EventRef {
  readonly index: number;
  readonly type: string;
  readonly date: string;
}

/** The error for an event the rules do not allow. */
export function invalidEvent(ref: EventRef, message: string): DomainError {
  return new DomainError(CLOCK_EVENT_INVALID, message, { index: ref.index, type: ref.type, date: ref.date });
}
