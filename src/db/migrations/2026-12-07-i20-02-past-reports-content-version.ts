/**
 * The public content version (migration 2026-12-07-i20-01) also follows the past reports the
 * portal shows (migration 2026-12-07-i16-01: past_report_publication, 「原文导入」): publishing or
 * withdrawing one changes /gk/<code>/reports and the column front page, so every cached page is
 * dropped on the next request, on every worker and node. Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

const BUMP = 'update public_content_version set version = version + 1 where id = 1;';
const EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // public_content_changed() is migration i20-01's unconditional statement trigger function.
    await sql
      .raw(
        'create trigger pcv_past_report after insert or update or delete on past_report_publication for each statement execute function public_content_changed()',
      )
      .execute(db);
  } else {
    for (const event of EVENTS)
      await sql
        .raw(`create trigger pcv_past_report_${event} after ${event} on past_report_publication begin ${BUMP} end`)
        .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`drop trigger pcv_past_report on past_report_publication`.execute(db);
  else for (const event of EVENTS) await sql.raw(`drop trigger pcv_past_report_${event}`).execute(db);
}
