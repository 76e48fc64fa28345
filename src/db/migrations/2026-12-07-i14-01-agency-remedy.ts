/**
 * 救济途径 of an agency's letters: the 行政复议机关 and the court its letters name when the
 * derivation from the agency tree (src/domain/letters/remedy.ts) does not fit — 集中管辖,
 * vertically managed offices, special cases. Blank means "derived". Portable DDL. Frozen once
 * landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_remedy')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agency.id').onDelete('cascade'))
    .addColumn('review_organ', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('court', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agency_remedy').execute();
}
