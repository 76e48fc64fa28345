/**
 * The CJK fonts embedded in PDFs: Noto Serif CJK SC and Noto Sans CJK SC from Debian's
 * fonts-noto-cjk (the .ttc collections, chosen by PostScript name). pdfkit embeds only the
 * glyphs used, with a ToUnicode map, so the text of the PDF can be searched and copied.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../domain/errors.ts';
import type { PdfFace } from './gbt9704.ts';

/** Where each face lives: a font file and, for a collection, the PostScript name inside it. */
export type PdfFontFiles = Record<PdfFace, { file: string; postscriptName: string }>;

/** Directories searched, in order: Debian/Ubuntu, Fedora, Arch, Alpine. */
export const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/noto',
];

const FACES: Record<PdfFace, { file: string; postscriptName: string }> = {
  serif: { file: 'NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  serifBold: { file: 'NotoSerifCJK-Bold.ttc', postscriptName: 'NotoSerifCJKsc-Bold' },
  sans: { file: 'NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  sansBold: { file: 'NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
};

/**
 * Finds the Noto CJK collections. Throws FONTS_MISSING (with the package to install) when a
 * face is absent: a PDF without CJK glyphs would print empty boxes, which is worse than an error.
 */
export function findPdfFonts(dirs: readonly string[] = FONT_DIRS): PdfFontFiles {
  const out = {} as PdfFontFiles;
  for (const [face, spec] of Object.entries(FACES) as Array<[PdfFace, (typeof FACES)[PdfFace]]>) {
    const dir = dirs.find((d) => existsSync(join(d, spec.file)));
    if (!dir) {
      throw new DomainError(
        'FONTS_MISSING',
        `缺少中文字体 ${spec.file}，无法生成 PDF：请安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk）`,
        { file: spec.file },
      );
    }
    out[face] = { file: join(dir, spec.file), postscriptName: spec.postscriptName };
  }
  return out;
}
