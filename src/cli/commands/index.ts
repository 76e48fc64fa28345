import type { Command } from 'commander';
import { register as audit } from './audit.ts';
import { register as bench } from './bench.ts';
import { register as buildAdmin } from './build-admin.ts';
import { register as calendar } from './calendar.ts';
import { register as catalog } from './catalog.ts';
import { register as demo } from './demo.ts';
import { register as doctor } from './doctor.ts';
import { register as init } from './init.ts';
import { register as importReport } from './import-report.ts';
import { register as migrate } from './migrate.ts';
import { register as report } from './report.ts';
import { register as restoreCheck } from './restore-check.ts';
import { register as scorecard } from './scorecard.ts';
import { register as serve } from './serve.ts';
import { register as synth } from './synth.ts';
import { register as user } from './user.ts';
import { register as workdays } from './workdays.ts';

/** Every command registers itself on the program. Add one line per command file. */
export const commands: Array<(program: Command) => void> = [
  serve,
  migrate,
  init,
  user,
  demo,
  audit,
  restoreCheck,
  buildAdmin,
  importReport,
  workdays,
  calendar,
  report,
  catalog,
  synth,
  doctor,
  bench,
  scorecard,
];
