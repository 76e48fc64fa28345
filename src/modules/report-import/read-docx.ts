/** DOCX reports: mammoth turns the document into HTML (tables kept), then the HTML reader reads it. */
import mammoth from 'mammoth';
import type { SourceDocument } from './document.ts';
import { readHtml } from './read-html.ts';

/** Reads a DOCX report; throws with a Chinese message if the file is not a readable DOCX. */
export async function readDocx(data: Buffer): Promise<SourceDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (err) {
    throw new Error(`DOCX 文件已损坏或不是 Word 文档，无法打开（${err instanceof Error ? err.message : String(err)}）。`);
  }
  return readHtml(`<html><body>${html}</body></html>`);
}
