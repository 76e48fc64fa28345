import type { Clock } from '../domain/time.ts';

/** The real clock: the only place that reads the system time for services. */
export const systemClock: Clock = { now: () => new Date() };
