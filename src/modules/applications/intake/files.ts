/**
 * Uploaded files are checked by their content (magic bytes, file-type), never by the name's
 * extension, and size-limited. The applicant may send PDF, JPEG and PNG (identity scans,
 * authorization letters); staff may also store DOCX, DOC and XLSX (letters, released files).
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../../../domain/errors.ts';

/** An uploaded file as received. */
export interface Upload {
  filename: string;
  content: Buffer;
}

/** A checked upload. */
export interface CheckedUpload extends Upload {
  mime: string;
  sha256: string;
}

/** Per-file size limit (5 MB for the applicant's attachments; staff files the same). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/x-cfb', 'doc'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
]);

/** A safe display name: no path, no control characters, at most 100 characters. */
export function safeFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}<>:"|?*]/gu, '')
    .trim()
    .slice(0, 100);
  const stem = base.replace(/\.[^.]*$/, '') || '附件';
  return `${stem}.${ext}`;
}

/** Detects the type from the bytes; refuses anything not on the list, whatever its name says. */
export async function detectUpload(u: Upload, field: string, staff = false): Promise<CheckedUpload> {
  if (u.content.length === 0) throw new ValidationError({ [field]: '文件为空' });
  if (u.content.length > MAX_UPLOAD_BYTES) throw new ValidationError({ [field]: '单个文件不超过5MB' });
  const type = await fileTypeFromBuffer(u.content);
  const ext = type ? ALLOWED.get(type.mime) : undefined;
  const applicantTypes = ['pdf', 'jpg', 'png'];
  if (!type || !ext || (!staff && !applicantTypes.includes(ext))) {
    throw new ValidationError({
      [field]: staff
        ? '只接受PDF、JPG、PNG、DOCX、DOC或XLSX文件（按文件内容识别）'
        : '只接受PDF、JPG或PNG文件（按文件内容识别，不看扩展名）',
    });
  }
  return {
    filename: safeFilename(u.filename, ext),
    content: u.content,
    mime: type.mime,
    sha256: createHash('sha256').update(u.content).digest('hex'),
  };
}
