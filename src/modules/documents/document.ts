/**
 * The document model: what a reply letter (告知书), a notice or an annual report says, without
 * saying how it is printed. One model, two renderers (DOCX and PDF), both laid out after
 * GB/T 9704—2012《党政机关公文格式》 (see gbt9704.ts and docs/documents.md).
 */

/** Horizontal alignment of a paragraph or a table cell. */
export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * A table cell: plain text, or text with spans. Cells covered by a span are simply left out of
 * the following rows / columns (as in HTML), so a row lists only the cells that start in it.
 */
export type Cell =
  | string
  | {
      text: string;
      /** Rows this cell covers (合并单元格, vertical), default 1. */
      rowSpan?: number;
      /** Columns this cell covers (horizontal), default 1. */
      colSpan?: number;
      align?: Align;
      bold?: boolean;
    };

/** 一、 (level 1, 黑体), （一） (level 2, 楷体), 1. (level 3, 仿宋加粗), （1） (level 4, 仿宋). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  | {
      kind: 'heading';
      level: HeadingLevel;
      text: string;
      /** Prefix the official number (一、 / （一） / 1. / （1）) automatically; default true. */
      numbered?: boolean;
    }
  | {
      kind: 'paragraph';
      text: string;
      /** Indent the first line by two characters (公文 正文); default true. */
      indent?: boolean;
      align?: Align;
      bold?: boolean;
    }
  | {
      kind: 'table';
      /** A line above the table, e.g. 「表一 收到和处理政府信息公开申请情况」. */
      caption?: string;
      /** Header rows: bold, repeated at the top of every page the table runs onto. */
      head: Cell[][];
      rows: Cell[][];
      /** Relative column widths (any unit); equal widths when absent. */
      columnWidths?: number[];
    }
  | { kind: 'pageBreak' };

/** 发文机关署名 and 成文日期 at the foot of the document. */
export interface Signature {
  /** The agency's full name, e.g. 泉州市洛江区工业和信息化局. */
  agency: string;
  /** The date as YYYY-MM-DD; printed as 2021年1月6日. */
  date: string;
}

/** A document to render. */
export interface OfficialDocument {
  /** 标题, centred in 方正小标宋简体 二号; a line break (\n) splits it over lines. */
  title: string;
  /** A centred line under the title: the 文号 (洛工信依申〔2025〕12号) or a subtitle. */
  subtitle?: string;
  /** 主送: the addressee, printed flush left before the body, e.g. 「张三：」. */
  recipient?: string;
  body: Block[];
  signature?: Signature;
  /** Page numbers in the official 「— 5 —」 style; default true. */
  pageNumbers?: boolean;
  /** Document properties (title is taken from `title`). */
  properties?: { author?: string; subject?: string; keywords?: string };
}

/** A cell with every option settled. */
export interface ResolvedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  align: Align;
  bold: boolean;
}

/** Fills in a cell's defaults. */
export function resolveCell(cell: Cell, header: boolean): ResolvedCell {
  if (typeof cell === 'string') return { text: cell, rowSpan: 1, colSpan: 1, align: 'center', bold: header };
  return {
    text: cell.text,
    rowSpan: cell.rowSpan ?? 1,
    colSpan: cell.colSpan ?? 1,
    align: cell.align ?? 'center',
    bold: cell.bold ?? header,
  };
}
