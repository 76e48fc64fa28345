/** The shapes a synth step works with (kept apart so steps and the runner do not import each other). */
import type { Db } from '../../db/database.ts';
import type { AgencyTable } from '../../db/tables/foundation.ts';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import type { Clock } from '../../domain/time.ts';

export interface SynthAgency {
  id: string;
  code: string;
  shortName: string;
  level: AgencyTable['level'];
}

export interface SynthContext {
  db: Db;
  clock: Clock;
  calendar: Calendar;
  random: () => number;
  /** Requested sizes by name: agencies, items, and whatever later steps read (e.g. applications). */
  counts: Record<string, number>;
  agencies: SynthAgency[];
  progress: (step: string, done: number, total: number) => void;
}

export interface SynthStep {
  name: string;
  run(ctx: SynthContext): Promise<void>;
}
