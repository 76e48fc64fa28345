/**
 * Attachments are checked by their content, not by their name (file-type reads the magic
 * bytes): a file is accepted only when its content is one of the allowed kinds and its name's
 * extension agrees with that content, and only when it looks complete. Everything else is
 * rejected with a reason the user can act on.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../../domain/errors.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const ALLOWED: Record<string, { mime: string; exts: string[]; label: string }> = {
  pdf: { mime: 'application/pdf', exts: ['pdf'], label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    exts: ['docx'],
    label: 'Word 文档（DOCX）',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    exts: ['xlsx'],
    label: 'Excel 表格（XLSX）',
  },
  png: { mime: 'image/png', exts: ['png'], label: 'PNG 图片' },
  jpg: { mime: 'image/jpeg', exts: ['jpg', 'jpeg'], label: 'JPEG 图片' },
};

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

function reject(reason: string): never {
  throw new ValidationError({ file: reason });
}

/** Whether the file looks complete for its kind (a truncated upload or a damaged file is refused). */
function looksComplete(kind: string, buf: Buffer): boolean {
  const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  if (kind === 'pdf') return tail.includes('%%EOF');
  if (kind === 'png')
    return buf
      .subarray(buf.length - 8)
      .toString('latin1')
      .startsWith('IEND');
  if (kind === 'jpg') return buf[buf.length - 2] === 0xff && buf[buf.length - 1] === 0xd9;
  // DOCX/XLSX: a zip whose end-of-central-directory record is present.
  return buf.subarray(Math.max(0, buf.length - 65_557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/** Checks an uploaded file; throws ValidationError({ file: reason }) when it is refused. */
export async function checkAttachment(fileName: string, content: Buffer): Promise<CheckedFile> {
  const name = fileName
    .replace(/[\\/]/g, '_')
    // eslint-disable-next-line no-control-regex -- control characters are stripped from file names on purpose
    .replace(/[\u0000-\u001f]/g, '')
    .trim()
    .slice(0, 200);
  if (!name) reject('附件缺少文件名');
  if (content.length === 0) reject(`附件“${name}”是空文件`);
  if (content.length > MAX_ATTACHMENT_BYTES) reject(`附件“${name}”超过 20 MB`);
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const detected = await fileTypeFromBuffer(content);
  const kind = Object.entries(ALLOWED).find(([, a]) => a.mime === detected?.mime)?.[0];
  if (!kind) {
    const what = detected ? `实际内容为 ${detected.ext.toUpperCase()}` : '无法识别其内容';
    reject(`附件“${name}”${what}，只接受 PDF、DOCX、XLSX、PNG、JPEG 文件`);
  }
  const allowed = ALLOWED[kind]!;
  if (!allowed.exts.includes(ext)) reject(`附件“${name}”的扩展名与内容不符：内容是${allowed.label}`);
  if (!looksComplete(kind, content)) reject(`附件“${name}”已损坏或不完整，请重新导出后上传`);
  return {
    fileName: name,
    mediaType: allowed.mime,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
