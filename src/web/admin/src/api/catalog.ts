/** The catalog and power-list endpoints (src/modules/catalog/catalog.routes.ts, src/modules/power-list/power-list.routes.ts). */
import type { Static } from 'typebox';
import type {
  ActionBody,
  AttachmentSchema,
  CategoryBody,
  CategorySchema,
  ItemDetailSchema,
  ItemInputSchema,
  ItemListSchema,
  ItemSchema,
  LateSchema,
  MetaSchema,
  SettingsBody,
  SettingsSavedSchema,
  SettingsSchema,
  SettingsWithCategoriesSchema,
  ValidityChangeBody,
  ValidityEndedSchema,
  ValiditySchema,
  LinkedItemSchema,
  InterpretationStatsSchema,
} from '../../../../modules/catalog/catalog.schemas.ts';
import type {
  AmountBody,
  AmountSchema,
  FigureBody,
  FigureSchema,
  FiguresSchema,
  ImportResultSchema,
} from '../../../../modules/power-list/power-list.schemas.ts';
import { ApiError, request, type Query } from './client.ts';

export type CatalogItem = Static<typeof ItemSchema>;
/** The validity of a 规章 or 规范性文件 (null for other document types). */
export type ValidityView = Static<typeof ValiditySchema>;
/** 有效 or how a 规章 / 规范性文件 stopped being 有效. */
export type ValidityStatus = ValidityView['status'];
export type CatalogDetail = Static<typeof ItemDetailSchema>;
/** A validity change: 废止 / 失效 with the reason, or 已修订 naming the published revision. */
export type ValidityChange = Static<typeof ValidityChangeBody>;
export type CatalogMeta = Static<typeof MetaSchema>;
/** The other side of a policy ⇄ 解读 link. */
export type LinkedItem = Static<typeof LinkedItemSchema>;
export type ItemInput = Static<typeof ItemInputSchema>;
export type ActionInput = Static<typeof ActionBody>;
export type PowerListFigure = Static<typeof FigureSchema>;
export type YearAmount = Static<typeof AmountSchema>;

/** Uploads a file as the raw request body (the server checks it by content). */
async function upload<T>(path: string, file: File): Promise<T> {
  const csrf = (await request<{ csrfToken?: string }>('GET', '/auth/me')).csrfToken ?? null;
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    detail?: string;
    errors?: Record<string, string>;
  };
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.errors?.file ?? body.detail ?? '上传失败',
      body.errors ?? {},
      body,
    );
  return body as T;
}

/** The policies of a year with their published 解读 (GET /api/v1/catalog/interpretation-stats). */
export type InterpretationStats = Static<typeof InterpretationStatsSchema>;

export const catalogApi = {
  /** 政策解读 per policy published in `year` by the agency and every agency below it. */
  interpretationStats: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<InterpretationStats>('GET', '/catalog/interpretation-stats', {
      query: { agencyId, year, subtree: true },
      signal,
    }),
  meta: (agencyId: string, signal?: AbortSignal) =>
    request<CatalogMeta>('GET', '/catalog/meta', { query: { agencyId }, signal }),
  list: (query: Query, signal?: AbortSignal) =>
    request<Static<typeof ItemListSchema>>('GET', '/catalog/items', { query, signal }),
  get: (id: string, signal?: AbortSignal) => request<CatalogDetail>('GET', `/catalog/items/${id}`, { signal }),
  policies: (agencyId: string, signal?: AbortSignal) =>
    request<{ items: LinkedItem[] }>('GET', '/catalog/policies', { query: { agencyId }, signal }),
  create: (agencyId: string, input: ItemInput) =>
    request<CatalogDetail>('POST', '/catalog/items', { body: { agencyId, ...input } }),
  update: (id: string, input: ItemInput) => request<CatalogDetail>('PUT', `/catalog/items/${id}`, { body: input }),
  discard: (id: string) => request<void>('DELETE', `/catalog/items/${id}`),
  act: (id: string, action: ActionInput) =>
    request<CatalogDetail>('POST', `/catalog/items/${id}/actions`, { body: action }),
  endValidity: (id: string, change: ValidityChange) =>
    request<Static<typeof ValidityEndedSchema>>('POST', `/catalog/items/${id}/validity`, {
      body: change,
    }),
  attach: (id: string, file: File) =>
    upload<Static<typeof AttachmentSchema>>(
      `/catalog/items/${id}/attachments?name=${encodeURIComponent(file.name)}`,
      file,
    ),
  detach: (id: string, attachmentId: string) =>
    request<void>('DELETE', `/catalog/items/${id}/attachments/${attachmentId}`),
  late: (agencyId: string, signal?: AbortSignal) =>
    request<Static<typeof LateSchema>>('GET', '/catalog/late', { query: { agencyId }, signal }),
  figures: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<Static<typeof FiguresSchema>>('GET', `/power-list/${agencyId}`, {
      query: { year },
      signal,
    }),
  saveFigure: (agencyId: string, body: Static<typeof FigureBody>) =>
    request<PowerListFigure>('PUT', `/power-list/${agencyId}/figures`, { body }),
  saveAmounts: (agencyId: string, body: Static<typeof AmountBody>) =>
    request<YearAmount>('PUT', `/power-list/${agencyId}/amounts`, { body }),
  importFigures: (agencyId: string, file: File, apply: boolean) =>
    upload<Static<typeof ImportResultSchema>>(
      `/power-list/${agencyId}/import?name=${encodeURIComponent(file.name)}${apply ? '&apply=true' : ''}`,
      file,
    ),
};

export type CatalogSettings = Static<typeof SettingsSchema>;

export const settingsApi = {
  get: (agencyId: string, signal?: AbortSignal) =>
    request<Static<typeof SettingsWithCategoriesSchema>>('GET', `/catalog/settings/${agencyId}`, { signal }),
  save: (agencyId: string, body: Static<typeof SettingsBody>) =>
    request<Static<typeof SettingsSavedSchema>>('PUT', `/catalog/settings/${agencyId}`, { body }),
  addCategory: (agencyId: string, body: Static<typeof CategoryBody>) =>
    request<Static<typeof CategorySchema>>('POST', `/catalog/settings/${agencyId}/categories`, { body }),
};
