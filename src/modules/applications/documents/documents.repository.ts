/** SQL of the notices issued by workflow steps (`application_letter`) and their renditions. */
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import type { ApplicationLetterTable } from '../../../db/tables/applications.ts';
import type { DocumentKind } from '../../../domain/letters/index.ts';
import type { OfficialDocument } from '../../documents/index.ts';

/** A notice as issued. */
export interface LetterRecord {
  id: string;
  applicationId: string;
  /** The event of the step that issued it. */
  eventSeq: number;
  kind: DocumentKind;
  templateKey: string;
  addressee: 'applicant' | 'party';
  recipientName: string;
  consultationId: string | null;
  date: string;
  title: string;
  content: OfficialDocument;
  values: Record<string, string>;
  pdfFileId: string | null;
  docxFileId: string | null;
  /** Calendar years not loaded that its dates depended on when it was issued (暂定); empty when none. */
  provisionalYears: number[];
  /** Made void (kept in the file, never sent again): when and why; null while in force. */
  voidedAt: string | null;
  voidReason: string | null;
  createdBy: string;
  createdAt: string;
}

const yearsOf = (text: string | null): number[] => (text ? text.split(',').map(Number) : []);
const yearsText = (years: readonly number[]): string | null => (years.length ? years.join(',') : null);

function toLetter(r: Selectable<ApplicationLetterTable>): LetterRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    eventSeq: Number(r.event_seq),
    kind: r.kind as DocumentKind,
    templateKey: r.template_key,
    addressee: r.addressee as LetterRecord['addressee'],
    recipientName: r.recipient_name,
    consultationId: r.consultation_id,
    date: r.letter_date,
    title: r.title,
    content: JSON.parse(r.content) as OfficialDocument,
    values: JSON.parse(r.placeholder_values) as Record<string, string>,
    pdfFileId: r.pdf_file_id,
    docxFileId: r.docx_file_id,
    provisionalYears: yearsOf(r.provisional_years),
    voidedAt: r.voided_at ?? null,
    voidReason: r.void_reason ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertLetter(
  db: DbOrTx,
  l: Omit<LetterRecord, 'pdfFileId' | 'docxFileId' | 'voidedAt' | 'voidReason'>,
): Promise<void> {
  await db
    .insertInto('application_letter')
    .values({
      id: l.id,
      application_id: l.applicationId,
      event_seq: l.eventSeq,
      kind: l.kind,
      template_key: l.templateKey,
      addressee: l.addressee,
      recipient_name: l.recipientName,
      consultation_id: l.consultationId,
      letter_date: l.date,
      title: l.title,
      content: JSON.stringify(l.content),
      placeholder_values: JSON.stringify(l.values),
      pdf_file_id: null,
      docx_file_id: null,
      provisional_years: yearsText(l.provisionalYears),
      created_by: l.createdBy,
      created_at: l.createdAt,
    })
    .execute();
}

/** An application's notices in the order their steps were taken. */
export async function listLetters(db: DbOrTx, applicationId: string): Promise<LetterRecord[]> {
  const rows = await db
    .selectFrom('application_letter')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('event_seq')
    .execute();
  return rows.map(toLetter);
}

export async function findLetter(db: DbOrTx, id: string): Promise<LetterRecord | null> {
  const row = await db.selectFrom('application_letter').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLetter(row) : null;
}

/**
 * Links a rendition to its letter unless another request linked one first (a conditional
 * update only one writer wins); returns whether this one was linked.
 */
export async function linkRendition(
  db: DbOrTx,
  letterId: string,
  format: 'pdf' | 'docx',
  fileId: string,
): Promise<boolean> {
  const column = format === 'pdf' ? 'pdf_file_id' : 'docx_file_id';
  const r = await db
    .updateTable('application_letter')
    .set({ [column]: fileId })
    .where('id', '=', letterId)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Settles a provisional letter once its years are loaded: its dates (content, title, values) as
 * the engine now computes them, and the years still missing (none, normally). Conditional on the
 * years it was read with, so two requests settling it at once write it once; returns whether
 * this one did. A provisional letter never has stored renditions (modules/applications/documents/documents.service.ts).
 */
export async function settleLetter(
  db: DbOrTx,
  letterId: string,
  was: readonly number[],
  now: {
    title: string;
    content: OfficialDocument;
    values: Record<string, string>;
    provisionalYears: readonly number[];
  },
): Promise<boolean> {
  const r = await db
    .updateTable('application_letter')
    .set({
      title: now.title,
      content: JSON.stringify(now.content),
      placeholder_values: JSON.stringify(now.values),
      provisional_years: yearsText(now.provisionalYears),
    })
    .where('id', '=', letterId)
    .where('provisional_years', '=', yearsText(was))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Removes a rendition that lost the race to be linked. */
export async function deleteFile(db: DbOrTx, fileId: string): Promise<void> {
  await db.deleteFrom('application_file').where('id', '=', fileId).execute();
}

/** Applications with a notice still provisional for some year (the calendar import settles them). */
export async function applicationsWithProvisionalLetters(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('application_letter')
    .select('application_id')
    .distinct()
    .where('provisional_years', 'is not', null)
    .execute();
  return rows.map((r) => r.application_id);
}

/** Marks a letter void (kept, never deleted); false when it was void already. */
export async function voidLetter(db: DbOrTx, letterId: string, at: string, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('application_letter')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', letterId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
