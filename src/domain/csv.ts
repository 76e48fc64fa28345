/**
 * The project's one CSV reader (RFC 4180) and the decoding of text files people save on Chinese
 * Windows: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (what Excel and WPS write for
 * 「CSV（逗号分隔）」). The catalog import, the applications import and the calendar import all
 * read CSV through here, so a file one of them accepts the others accept too.
 */
import { DomainError } from './errors.ts';

/**
 * Decodes a text file's bytes: UTF-16 by its BOM, UTF-8 (BOM dropped) when the bytes are valid
 * UTF-8, else GB18030. Throws FILE_ENCODING (Chinese message) when neither decodes.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new DomainError(
        'FILE_ENCODING',
        '文件编码无法识别：请另存为 UTF-8 或 GB18030（Excel、WPS 的“CSV（逗号分隔）”）格式的文本文件',
      );
    }
  }
}

/** RFC 4180 CSV: quoted fields may contain commas, doubled quotes ("") and newlines; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
