/** Letter template endpoints (src/modules/letters/letters.routes.ts, docs/letters.md). */
import type { Static } from 'typebox';
import type {
  PlaceholderListSchema,
  PreviewBody,
  RemedyBody,
  RemedySchema,
  TemplateBody,
  TemplateSchema,
} from '../../../../modules/letters/letters.schemas.ts';
import { request } from './client.ts';
import { fetchFile, type FetchedFile } from '../lib/download.ts';
import type { ItemList } from './types.ts';

/** A template as the agency uses it: its own wording (`overridden`) or the default. */
export type LetterTemplate = Static<typeof TemplateSchema>;
export type Placeholder = Static<typeof PlaceholderListSchema>['items'][number];
export type TemplateInput = Omit<Static<typeof TemplateBody>, 'agencyId'>;
export type PreviewInput = Omit<Static<typeof PreviewBody>, 'agencyId'>;
/** The 救济途径 the agency's letters name, with where each part comes from. */
export type LetterRemedy = Static<typeof RemedySchema>;
export type RemedyInput = Static<typeof RemedyBody>;

export const lettersApi = {
  placeholders: (signal?: AbortSignal) => request<ItemList<Placeholder>>('GET', '/letters/placeholders', { signal }),
  templates: (agencyId: string, signal?: AbortSignal) =>
    request<ItemList<LetterTemplate>>('GET', '/letters/templates', { query: { agencyId }, signal }),
  save: (agencyId: string, key: string, input: TemplateInput) =>
    request<LetterTemplate>('PUT', `/letters/templates/${encodeURIComponent(key)}`, { body: { agencyId, ...input } }),
  reset: (agencyId: string, key: string) =>
    request<LetterTemplate>('DELETE', `/letters/templates/${encodeURIComponent(key)}`, { query: { agencyId } }),
  remedy: (agencyId: string, signal?: AbortSignal) =>
    request<LetterRemedy>('GET', '/letters/remedy', { query: { agencyId }, signal }),
  saveRemedy: (agencyId: string, input: RemedyInput) =>
    request<LetterRemedy>('PUT', '/letters/remedy', { query: { agencyId }, body: input }),
  preview: (agencyId: string, input: PreviewInput): Promise<FetchedFile> =>
    fetchFile('POST', '/letters/preview', { agencyId, ...input }),
};
