/**
 * Reading one file as a report, whatever it is: the type is told by content (file-type and a
 * look at the text), not by the extension; every failure becomes a Chinese error for that
 * file, never an exception. Limits keep a batch safe: MAX_REPORT_BYTES per file, and PDF
 * parsing in a worker with a time limit (read-pdf.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { SourceDocument } from './document.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { DEFAULT_PDF_LIMITS, pdfDocument, readPdf, type PdfItem, type PdfLimits } from './read-pdf.ts';
import { notAReport, readReportDocument, type ReadResult, type StatedFacts } from './read-report.ts';
import { readText } from './read-text.ts';

/** Largest file read (20 MiB): a published report is far smaller, even as a PDF with images. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  pdf?: PdfLimits;
  /** Year and agency stated by a person for files that do not say them (--year, --agency). */
  stated?: StatedFacts;
  /** The text items of a PDF already extracted (read-off-thread.ts extracts them before handing over). */
  pdfPages?: PdfItem[][];
}

export type DocumentKind = 'html' | 'docx' | 'pdf' | 'text';

/** What a file holds, by its content. Throws a Chinese message for kinds that are not reports. */
export async function detectKind(data: Uint8Array): Promise<DocumentKind> {
  const type = await fileTypeFromBuffer(data);
  if (type?.ext === 'pdf') return 'pdf';
  if (type?.ext === 'docx') return 'docx';
  if (type?.ext === 'zip') throw new Error('文件是 ZIP 压缩包，但不是完整的 DOCX 文档（可能已损坏），无法读取。');
  if (type?.ext === 'cfb') throw new Error('这是旧版 Office 文件（如 .doc），请另存为 DOCX 或 PDF 后再导入。');
  if (type && type.ext !== 'xml')
    throw new Error(`文件是 ${type.mime}（.${type.ext}），不是 HTML、DOCX、PDF 或文本格式的年度报告。`);
  const head = decodeText(data.subarray(0, 8192), true).slice(0, 8192);
  return /<(?:!doctype\s+html|html|body|table|div|p)[\s>]/i.test(head) ? 'html' : 'text';
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (older Chinese sites); throws on binary data. */
export function decodeText(data: Uint8Array, partial = false): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  const sample = data.subarray(0, 65536);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (control > sample.length * 0.01) throw new Error('文件内容是二进制数据，不是文本，也不是可识别的文档格式。');
  try {
    return new TextDecoder('utf-8', { fatal: !partial, ignoreBOM: false }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      throw new Error('文件编码无法识别（既不是 UTF-8 也不是 GB18030 文本）。');
    }
  }
}

async function toDocument(kind: DocumentKind, data: Buffer, options: ReadOptions): Promise<SourceDocument> {
  switch (kind) {
    case 'pdf':
      return options.pdfPages
        ? pdfDocument(options.pdfPages)
        : readPdf(new Uint8Array(data), options.pdf ?? DEFAULT_PDF_LIMITS);
    case 'docx':
      return readDocx(data);
    case 'html':
      return readHtml(decodeText(data));
    case 'text':
      return readText(decodeText(data));
  }
}

/** Reads report bytes; `file` is how the file is named in the result. */
export async function readReportBytes(data: Buffer, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
  if (data.length === 0) return notAReport('文件为空。');
  if (data.length > maxBytes) return notAReport(tooLarge(data.length, maxBytes));
  const sha256 = createHash('sha256').update(data).digest('hex');
  try {
    const kind = await detectKind(data);
    const doc = await toDocument(kind, data, options);
    if (doc.lines.every((l) => l.cells.every((c) => c.trim() === ''))) return notAReport('文件中没有文字内容。');
    return readReportDocument(
      doc,
      { file, sha256 },
      { fileName: file, ...(options.stated ? { stated: options.stated } : {}) },
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Our own errors are already Chinese sentences; a library's gets a Chinese lead.
    return notAReport(/\p{Script=Han}/u.test(message) ? message : `读取文件时出错：${message}`);
  }
}

/** Reads a report file from disk, refusing files over the size limit before reading them. */
export async function readReportFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
  try {
    const info = await stat(path);
    if (!info.isFile()) return notAReport('不是普通文件。');
    if (info.size > maxBytes) return notAReport(tooLarge(info.size, maxBytes));
    return await readReportBytes(await readFile(path), path, options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return notAReport('文件不存在。');
    if (code === 'EACCES' || code === 'EPERM') return notAReport('没有读取该文件的权限。');
    return notAReport(`无法读取文件：${err instanceof Error ? err.message : String(err)}`);
  }
}

function tooLarge(size: number, max: number): string {
  return `文件过大（${(size / 1048576).toFixed(1)} MB），超过年报导入的上限 ${(max / 1048576).toFixed(0)} MB。`;
}
