/**
 * 政策解读 bound to the policy it explains (国办发〔2016〕80号: 政策性文件与解读方案、解读材料同步
 * 组织、同步审签、同步部署): a 解读 names its policy, may carry a video link and 问答 (JSON list
 * of { question, answer }); its 图解 are its image attachments. Existing items keep null.
 * Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('catalog_item').addColumn('interprets_id', 'text').execute();
  await db.schema.alterTable('catalog_item').addColumn('video_url', 'text').execute();
  await db.schema.alterTable('catalog_item').addColumn('qa_json', 'text').execute();
  await db.schema
    .createIndex('catalog_item_interprets_idx')
    .on('catalog_item')
    .columns(['interprets_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_item_interprets_idx').execute();
  await db.schema.alterTable('catalog_item').dropColumn('qa_json').execute();
  await db.schema.alterTable('catalog_item').dropColumn('video_url').execute();
  await db.schema.alterTable('catalog_item').dropColumn('interprets_id').execute();
}
