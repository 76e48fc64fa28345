/** A filled letter template becomes a document of the document module (src/modules/documents). */
import {
  fillPlaceholders,
  tidyPunctuation,
  type LetterTemplate,
  type PlaceholderValues,
} from '../../domain/letters/index.ts';
import { formatChineseDate } from '../../domain/time.ts';
import type { OfficialDocument } from '../documents/index.ts';

/** What fills a letter: the placeholder values, the agency that signs it and its date. */
export interface LetterContext {
  values: PlaceholderValues;
  agencyName: string;
  /** The letter's date, YYYY-MM-DD (printed 2025年3月20日, and {{答复日期}}). */
  date: string;
}

/**
 * The letter as a document: title, 文号 line from {{申请编号}} when given, the addressee, the
 * paragraphs (doubled punctuation where a value meets the template's own removed), and the
 * agency's signature with the date. Throws ValidationError naming every placeholder left
 * without a value.
 */
export function composeLetter(t: LetterTemplate, ctx: LetterContext): OfficialDocument {
  const values: PlaceholderValues = { 机关名称: ctx.agencyName, 答复日期: formatChineseDate(ctx.date), ...ctx.values };
  const all = [t.title, t.recipient, t.body].join('\n');
  fillPlaceholders(all, values); // reports every missing value at once
  const body = fillPlaceholders(t.body, values)
    .split('\n')
    .map((line) => tidyPunctuation(line.trim()))
    .filter(Boolean);
  return {
    title: fillPlaceholders(t.title, values),
    subtitle: values.申请编号?.trim() || undefined,
    recipient: `${fillPlaceholders(t.recipient, values)}：`,
    body: body.map((text) => ({ kind: 'paragraph' as const, text })),
    signature: { agency: ctx.agencyName, date: ctx.date },
    pageNumbers: true,
  };
}
