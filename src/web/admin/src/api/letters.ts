/** Letter template endpoints (src/modules/letters/letters.routes.ts, docs/letters.md). */
import { request } from './client.ts';
import { fetchFile, type FetchedFile } from '../lib/download.ts';
import type { ItemList } from './types.ts';

/** A template as the agency uses it: its own wording (`overridden`) or the default. */
export interface LetterTemplate {
  key: string;
  /** Chinese name, e.g. 予以公开, 补正通知书. */
  name: string;
  title: string;
  /** The addressee line, e.g. {{申请人}}. */
  recipient: string;
  /** Paragraphs, one per line. */
  body: string;
  overridden: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The placeholders this template may use: what its letter is filled with. */
  placeholders: string[];
}

/** A placeholder the templates may use and what fills it. */
export interface Placeholder {
  name: string;
  description: string;
}

/** The wording an agency saves for a template. */
export interface TemplateInput {
  title: string;
  recipient: string;
  body: string;
}

/** What a preview is rendered with. */
export interface PreviewInput {
  key: string;
  format: 'pdf' | 'docx';
  /** The letter's date, YYYY-MM-DD. */
  date: string;
  values: Record<string, string>;
}

export const lettersApi = {
  placeholders: (signal?: AbortSignal) => request<ItemList<Placeholder>>('GET', '/letters/placeholders', { signal }),
  templates: (agencyId: string, signal?: AbortSignal) =>
    request<ItemList<LetterTemplate>>('GET', '/letters/templates', { query: { agencyId }, signal }),
  save: (agencyId: string, key: string, input: TemplateInput) =>
    request<LetterTemplate>('PUT', `/letters/templates/${encodeURIComponent(key)}`, { body: { agencyId, ...input } }),
  reset: (agencyId: string, key: string) =>
    request<LetterTemplate>('DELETE', `/letters/templates/${encodeURIComponent(key)}`, { query: { agencyId } }),
  preview: (agencyId: string, input: PreviewInput): Promise<FetchedFile> =>
    fetchFile('POST', '/letters/preview', { agencyId, ...input }),
};
