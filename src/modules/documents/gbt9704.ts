/**
 * The page and type of GB/T 9704—2012《党政机关公文格式》, shared by both renderers:
 * A4; 版心 156 mm × 225 mm; 天头 37 mm, 订口 28 mm (§5.2.1); 正文 3号仿宋, 22 lines of 28
 * characters (§5.2.2); 标题 2号小标宋 (§7.3.1); 一级标题 黑体, 二级 楷体, 三级 仿宋加粗
 * (§7.3.3); 页码 4号半角宋体阿拉伯数字, with an em dash on each side, 7 mm below the 版心,
 * odd pages on the right and even pages on the left, one character in (§7.5).
 */

/** Millimetres to PDF points. */
export const MM = 72 / 25.4;

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** Width of the 版心 (type area). */
export const TEXT_WIDTH_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;
/** Page number: its line sits 7 mm below the 版心. */
export const PAGE_NUMBER_GAP_MM = 7;

/** Sizes in points: 二号 22, 三号 16, 四号 14, 五号 10.5. */
export const SIZE = { title: 22, body: 16, pageNumber: 14, table: 10.5, tableCaption: 14 } as const;
/** 22 lines in a 225 mm 版心: a fixed line pitch of 28.95 pt (Word: 固定值 28.95 磅). */
export const LINE_PITCH_PT = 28.95;
/** Titles of two lines are set a little more loosely. */
export const TITLE_LINE_PITCH_PT = 35;

/** A role of text in the document: each role has its official font. */
export type FontRole =
  'title' | 'subtitle' | 'heading1' | 'heading2' | 'heading3' | 'body' | 'tableHead' | 'table' | 'pageNumber';

/**
 * The official fonts by role, as named in DOCX (w:rFonts w:eastAsia). Offices have the
 * 方正/_GB2312 fonts installed; where they are missing, Word and WPS substitute by the
 * font table's alternative names (font-table.ts) and LibreOffice by fontconfig.
 */
export const DOCX_FONTS: Record<FontRole, { eastAsia: string; latin: string; bold?: boolean }> = {
  title: { eastAsia: '方正小标宋简体', latin: 'Times New Roman' },
  subtitle: { eastAsia: '楷体_GB2312', latin: 'Times New Roman' },
  heading1: { eastAsia: '黑体', latin: 'Times New Roman' },
  heading2: { eastAsia: '楷体_GB2312', latin: 'Times New Roman' },
  heading3: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman', bold: true },
  body: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' },
  tableHead: { eastAsia: '黑体', latin: 'Times New Roman' },
  table: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' },
  pageNumber: { eastAsia: '宋体', latin: '宋体' },
};

/**
 * Fallbacks written into the DOCX font table (w:altName), in the order an office has them:
 * the Windows names (仿宋, 楷体), then the Noto CJK families of Linux desktops.
 */
export const DOCX_FONT_FALLBACKS: Record<
  string,
  { altName: string; family: 'roman' | 'swiss' | 'modern'; panose1: string }
> = {
  方正小标宋简体: { altName: '宋体', family: 'roman', panose1: '02000000000000000000' },
  仿宋_GB2312: { altName: '仿宋', family: 'modern', panose1: '02010609030101010101' },
  楷体_GB2312: { altName: '楷体', family: 'modern', panose1: '02010609030101010101' },
  黑体: { altName: 'SimHei', family: 'modern', panose1: '02010609060101010101' },
  宋体: { altName: 'SimSun', family: 'roman', panose1: '02010600030101010101' },
  仿宋: { altName: 'Noto Serif CJK SC', family: 'modern', panose1: '02010609060101010101' },
  楷体: { altName: 'Noto Serif CJK SC', family: 'modern', panose1: '02010609060101010101' },
};

/** The PostScript faces of Debian's fonts-noto-cjk used for each role in PDF. */
export const PDF_FACES: Record<FontRole, PdfFace> = {
  // 小标宋 is a heavy Song: Noto Serif CJK Bold is the nearest free face.
  title: 'serifBold',
  // There is no free 楷体 in fonts-noto-cjk: 楷体 lines use Serif Bold so they stand apart from the body.
  subtitle: 'serif',
  heading1: 'sans',
  heading2: 'serifBold',
  heading3: 'serifBold',
  body: 'serif',
  tableHead: 'sans',
  table: 'serif',
  pageNumber: 'serif',
};

export type PdfFace = 'serif' | 'serifBold' | 'sans' | 'sansBold';
