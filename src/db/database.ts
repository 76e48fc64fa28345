/**
 * The Kysely database type: the union of each feature's tables (src/db/tables/<feature>.ts).
 * Only repositories import Kysely (STYLE.md rule 7); services receive a `Db` and pass it on.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CatalogTables } from './tables/catalog.ts';
import type { CalendarTables } from './tables/calendar.ts';
import type { ApplicationSuggestionTables } from './tables/application-suggestions.ts';
import type { ApplicationTables } from './tables/applications.ts';
import type { CaseTables } from './tables/cases.ts';
import type { ComplaintTables } from './tables/complaints.ts';
import type { FoundationTables } from './tables/foundation.ts';
import type { LetterTables } from './tables/letters.ts';
import type { OutboxTables } from './tables/outbox.ts';
import type { ReminderTables } from './tables/reminders.ts';
import type { ReportImportTables } from './tables/report-import.ts';
import type { ReportTables } from './tables/reports.ts';
import type { ScorecardTables } from './tables/scorecard.ts';
import type { SecurityTables } from './tables/security.ts';

export type Database = FoundationTables &
  CalendarTables &
  CatalogTables &
  ApplicationTables &
  CaseTables &
  ComplaintTables &
  LetterTables &
  OutboxTables &
  ReminderTables &
  ReportTables &
  ReportImportTables &
  ScorecardTables &
  SecurityTables &
  ApplicationSuggestionTables;

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either a database handle or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;
export type Dialect = 'sqlite' | 'postgres';

/**
 * Runs `work` in a transaction: the caller's, when it passes one (a bulk caller publishing many
 * items in one transaction), or a new one.
 */
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Tx) : (db as Db).transaction().execute(work);
}
