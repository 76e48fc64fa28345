/**
 * The DOCX font table (word/fontTable.xml). Word and WPS substitute a missing font by its
 * w:altName, character set and panose, so each official font is declared with its common
 * substitute: 仿宋_GB2312 → 仿宋 → Noto Serif CJK SC, and so on (gbt9704.ts).
 */
import { DOCX_FONT_FALLBACKS, DOCX_FONTS } from './gbt9704.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The font table XML naming every font the renderer uses, with fallbacks. */
export function fontTableXml(): string {
  const names = new Set<string>();
  for (const f of Object.values(DOCX_FONTS)) {
    names.add(f.eastAsia);
    names.add(f.latin);
  }
  for (const f of Object.values(DOCX_FONT_FALLBACKS)) names.add(f.altName);
  const fonts = [...names].map((name) => {
    const fb = DOCX_FONT_FALLBACKS[name];
    const latin = /^[\x20-\x7e]+$/.test(name) && !name.includes('CJK') && name !== 'SimHei' && name !== 'SimSun';
    const parts = [
      fb ? `<w:altName w:val="${escapeXml(fb.altName)}"/>` : '',
      fb ? `<w:panose1 w:val="${fb.panose1}"/>` : '',
      // 86 = GB2312 character set; 00 = ANSI for Latin fonts.
      `<w:charset w:val="${latin ? '00' : '86'}"/>`,
      `<w:family w:val="${fb?.family ?? 'roman'}"/>`,
      `<w:pitch w:val="${latin ? 'variable' : 'fixed'}"/>`,
    ];
    return `<w:font w:name="${escapeXml(name)}">${parts.join('')}</w:font>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
