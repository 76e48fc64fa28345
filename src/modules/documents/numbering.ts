/**
 * Heading numbers of official documents (GB/T 9704—2012 §7.3.3: 结构层次序数依次可以用
 * 「一、」「（一）」「1.」「（1）」标注) and the width of text in character cells.
 */
import type { Block, HeadingLevel } from './document.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings never reach 100). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`标题序号超出范围：${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The official prefix of the n-th heading at a level. */
export function headingPrefix(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * The printed text of every heading, numbered in order; a heading resets the counters of the
 * levels below it. Headings with `numbered: false` print as given and do not advance a counter.
 */
export function headingTexts(blocks: readonly Block[]): Map<Block, string> {
  const counters = [0, 0, 0, 0];
  const out = new Map<Block, string>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    if (b.numbered === false) {
      out.set(b, b.text);
      continue;
    }
    const i = b.level - 1;
    counters[i]! += 1;
    for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
    out.set(b, headingPrefix(b.level, counters[i]!) + b.text);
  }
  return out;
}

/**
 * Width of a text in character cells (字): a CJK character or full-width sign is one, an ASCII
 * character half. Used to place the signature, whose rules are written in 字.
 */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}
