/** DOCX reports: mammoth turns the document into HTML (tables kept), then the HTML reader reads it. */
import mammoth from 'mammoth';
import type { SourceDocument } from './document.ts';
import { readHtml } from './read-html.ts';

/** Largest unpacked DOCX (200 MiB): a report's XML is a few hundred KB; more is a zip bomb. */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Sum of the uncompressed sizes in a zip's central directory, read without unpacking
 * anything; null if the directory cannot be found (mammoth will then report the damage).
 */
export function zipUnpackedSize(data: Buffer): number | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  for (let eocd = data.length - 22; eocd >= Math.max(0, data.length - 65_557); eocd--) {
    if (data.readUInt32LE(eocd) !== 0x06054b50) continue;
    const entries = data.readUInt16LE(eocd + 10);
    let at = data.readUInt32LE(eocd + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return null;
      total += data.readUInt32LE(at + 24);
      at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/** Reads a DOCX report; throws with a Chinese message if the file is not a readable DOCX. */
export async function readDocx(data: Buffer): Promise<SourceDocument> {
  const unpacked = zipUnpackedSize(data);
  if (unpacked !== null && unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new Error(
      `DOCX 解压后过大（${(unpacked / 1048576).toFixed(0)} MB），超过上限 ${MAX_DOCX_UNPACKED_BYTES / 1048576} MB，可能是恶意文件，已拒绝读取。`,
    );
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (err) {
    throw new Error(
      `DOCX 文件已损坏或不是 Word 文档，无法打开（${err instanceof Error ? err.message : String(err)}）。`,
    );
  }
  return readHtml(`<html><body>${html}</body></html>`);
}
