/** SQL of application events, files and reminders. */
import type { DbOrTx } from '../../db/database.ts';

/** One stored event: a clock event or a workflow step. */
export interface EventRecord {
  seq: number;
  type: string;
  date: string;
  payload: Record<string, unknown>;
  public: boolean;
  summary: string;
  actorName: string;
  at: string;
}

export async function listEvents(db: DbOrTx, applicationId: string): Promise<EventRecord[]> {
  const rows = await db
    .selectFrom('application_event')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    date: r.date,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    public: r.public === 1,
    summary: r.summary,
    actorName: r.actor_name,
    at: r.at,
  }));
}

export async function insertEvent(db: DbOrTx, applicationId: string, e: Omit<EventRecord, 'seq'>): Promise<number> {
  const last = await db
    .selectFrom('application_event')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  const seq = Number(last?.m ?? 0) + 1;
  await db
    .insertInto('application_event')
    .values({
      application_id: applicationId,
      seq,
      type: e.type,
      date: e.date,
      payload: JSON.stringify(e.payload),
      public: e.public ? 1 : 0,
      summary: e.summary,
      actor_name: e.actorName,
      at: e.at,
    })
    .execute();
  return seq;
}

/** A file's metadata (without its bytes). */
export interface FileRecord {
  id: string;
  applicationId: string;
  role: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  reviewed: boolean;
  sent: boolean;
  createdBy: string;
  createdAt: string;
}

const FILE_COLUMNS = [
  'id',
  'application_id',
  'role',
  'filename',
  'mime',
  'size',
  'sha256',
  'reviewed',
  'sent',
  'created_by',
  'created_at',
] as const;

function toFile(r: {
  id: string;
  application_id: string;
  role: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  reviewed: number;
  sent: number;
  created_by: string;
  created_at: string;
}): FileRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    role: r.role,
    filename: r.filename,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    reviewed: r.reviewed === 1,
    sent: r.sent === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertFile(db: DbOrTx, f: FileRecord, content: Uint8Array): Promise<void> {
  await db
    .insertInto('application_file')
    .values({
      id: f.id,
      application_id: f.applicationId,
      role: f.role,
      filename: f.filename,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      content,
      reviewed: f.reviewed ? 1 : 0,
      sent: f.sent ? 1 : 0,
      created_by: f.createdBy,
      created_at: f.createdAt,
    })
    .execute();
}

export async function listFiles(db: DbOrTx, applicationId: string): Promise<FileRecord[]> {
  const rows = await db
    .selectFrom('application_file')
    .select(FILE_COLUMNS)
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
  return rows.map(toFile);
}

export async function getFileContent(
  db: DbOrTx,
  fileId: string,
): Promise<{ file: FileRecord; content: Buffer } | null> {
  const row = await db.selectFrom('application_file').selectAll().where('id', '=', fileId).executeTakeFirst();
  return row ? { file: toFile(row), content: Buffer.from(row.content) } : null;
}

export async function markFiles(
  db: DbOrTx,
  applicationId: string,
  roles: readonly string[],
  patch: { reviewed?: boolean; sent?: boolean },
): Promise<void> {
  const set: { reviewed?: number; sent?: number } = {};
  if (patch.reviewed !== undefined) set.reviewed = patch.reviewed ? 1 : 0;
  if (patch.sent !== undefined) set.sent = patch.sent ? 1 : 0;
  await db
    .updateTable('application_file')
    .set(set)
    .where('application_id', '=', applicationId)
    .where('role', 'in', roles as string[])
    .execute();
}

/** Records a reminder once; returns false when it was already recorded (the sweep's idempotency). */
export async function recordReminderOnce(
  db: DbOrTx,
  applicationId: string,
  key: string,
  sentAt: string,
): Promise<boolean> {
  const res = await db
    .insertInto('application_reminder')
    .values({ application_id: applicationId, key, sent_at: sentAt })
    .onConflict((oc) => oc.columns(['application_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Reminders recorded for an agency's applications since an instant (the dashboard counts them). */
export async function remindersSince(
  db: DbOrTx,
  agencyIds: readonly string[],
  since: string,
): Promise<Array<{ applicationId: string; key: string; sentAt: string; trackingNumber: string }>> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('application_reminder as r')
    .innerJoin('application as a', 'a.id', 'r.application_id')
    .select([
      'r.application_id as applicationId',
      'r.key',
      'r.sent_at as sentAt',
      'a.tracking_number as trackingNumber',
    ])
    .where('a.agency_id', 'in', agencyIds as string[])
    .where('r.sent_at', '>=', since)
    .orderBy('r.sent_at', 'desc')
    .limit(200)
    .execute();
}
