/** The catalog and power-list endpoints (src/modules/catalog/catalog.routes.ts, src/modules/power-list/power-list.routes.ts). */
import { ApiError, request, type Query } from './client.ts';

export interface CatalogItem {
  id: string;
  agencyId: string;
  indexNo: string | null;
  title: string;
  docNumber: string;
  publisher: string;
  statutoryItem: string;
  categoryId: string | null;
  docType: string;
  summary: string;
  bodyHtml: string;
  formedOn: string;
  special: { workingDays: number; basis: string } | null;
  dueOn: string;
  dueExplanation: string;
  dueProvisional: boolean;
  timeliness: 'on_time' | 'late' | 'soon_due' | 'pending' | 'overdue';
  state: 'draft' | 'confidentiality_review' | 'approval' | 'published' | 'withdrawn';
  publishedAt: string | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  effectiveOn: string | null;
  endedAs: string | null;
  endedOn: string | null;
  replacesId: string | null;
  /** 政策解读: the policy it explains, a video link and 问答. */
  interpretsId: string | null;
  videoUrl: string | null;
  qa: QaPair[];
  authorId: string | null;
  authorName: string;
  version: number;
  updatedAt: string;
}

export interface QaPair {
  question: string;
  answer: string;
}

/** The other side of a policy ⇄ 解读 link. */
export interface LinkedItem {
  id: string;
  title: string;
  state: CatalogItem['state'];
  publishedOn: string | null;
}

/** 有效 or how a 规章 / 规范性文件 stopped being 有效. */
export type ValidityStatus = 'valid' | 'repealed' | 'lapsed' | 'revised';

/** The validity of a 规章 or 规范性文件 (null for other document types). */
export interface ValidityView {
  status: ValidityStatus;
  effectiveOn: string | null;
  endedAs: Exclude<ValidityStatus, 'valid'> | null;
  endedOn: string | null;
  replaces: { id: string; title: string; state: CatalogItem['state'] } | null;
  revisions: Array<{
    id: string;
    title: string;
    state: CatalogItem['state'];
    effectiveOn: string | null;
    publishedOn: string | null;
  }>;
  history: Array<{
    step: 'published' | Exclude<ValidityStatus, 'valid'>;
    on: string;
    text: string;
    actorName: string;
    at: string;
  }>;
}

export interface CatalogDetail extends CatalogItem {
  events: Array<{ step: string; result: string; opinion: string; actorName: string; at: string; version: number }>;
  attachments: Array<{ id: string; fileName: string; mediaType: string; size: number; sha256: string }>;
  validity: ValidityView | null;
  interprets: LinkedItem | null;
  interpretations: LinkedItem[];
  /** For the reviewer: e.g. a 规范性文件 without 解读 (国办发〔2016〕80号). */
  warnings: string[];
}

/** A validity change: 废止 / 失效 with the reason, or 已修订 naming the published revision. */
export interface ValidityChange {
  endedAs: Exclude<ValidityStatus, 'valid'>;
  endedOn: string;
  reason: string;
  replacedById?: string | null;
}

export interface CatalogMeta {
  states: string[];
  docTypes: Array<{ key: string; label: string }>;
  statutoryItems: Array<{ key: string; article: string; name: string; text: string }>;
  categories: Array<{ id: string; name: string; statutoryItem: string }>;
}

export interface ItemInput {
  title: string;
  docNumber?: string;
  publisher?: string;
  statutoryItem: string;
  categoryId?: string | null;
  docType: string;
  summary?: string;
  bodyHtml?: string;
  formedOn: string;
  effectiveOn?: string | null;
  /** A revision: the 规章 or 规范性文件 it replaces (retired when the revision is approved). */
  replacesId?: string | null;
  interpretsId?: string | null;
  videoUrl?: string | null;
  qa?: QaPair[] | null;
}

export interface ActionInput {
  kind: 'submit' | 'confidentiality_pass' | 'approve' | 'send_back' | 'withdraw' | 'correct';
  opinion?: string;
  comment?: string;
  reason?: string;
  publishAt?: string | null;
  correction?: ItemInput;
}

export interface PowerListFigure {
  year: number;
  kind: string;
  itemCount: number | null;
  added: number | null;
  removed: number | null;
  decisions: number | null;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

export interface YearAmount {
  year: number;
  procurementProjects: number | null;
  procurementAmountYuan: string | null;
  feesCollectedWan: string | null;
  source: string;
}

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

export const catalogApi = {
  meta: (agencyId: string, signal?: AbortSignal) =>
    request<CatalogMeta>('GET', '/catalog/meta', { query: { agencyId }, signal }),
  list: (query: Query, signal?: AbortSignal) =>
    request<{ total: number; items: CatalogItem[] }>('GET', '/catalog/items', { query, signal }),
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
    request<{ id: string; endedAs: string; endedOn: string }>('POST', `/catalog/items/${id}/validity`, {
      body: change,
    }),
  attach: (id: string, file: File) =>
    upload<{ id: string }>(`/catalog/items/${id}/attachments?name=${encodeURIComponent(file.name)}`, file),
  detach: (id: string, attachmentId: string) =>
    request<void>('DELETE', `/catalog/items/${id}/attachments/${attachmentId}`),
  late: (agencyId: string, signal?: AbortSignal) =>
    request<{ items: Array<{ agencyId: string; agencyName: string; overdue: number; publishedLateThisYear: number }> }>(
      'GET',
      '/catalog/late',
      { query: { agencyId }, signal },
    ),
  figures: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<{ figures: PowerListFigure[]; amounts: YearAmount[] }>('GET', `/power-list/${agencyId}`, {
      query: { year },
      signal,
    }),
  saveFigure: (agencyId: string, body: Omit<PowerListFigure, 'updatedBy' | 'updatedAt'>) =>
    request<PowerListFigure>('PUT', `/power-list/${agencyId}/figures`, { body }),
  saveAmounts: (agencyId: string, body: YearAmount) =>
    request<YearAmount>('PUT', `/power-list/${agencyId}/amounts`, { body }),
  importFigures: (agencyId: string, file: File, apply: boolean) =>
    upload<{ rows: number; saved: number; errors: Array<{ row: number; messages: string[] }> }>(
      `/power-list/${agencyId}/import?name=${encodeURIComponent(file.name)}${apply ? '&apply=true' : ''}`,
      file,
    ),
};

export interface CatalogSettings {
  agencyId: string;
  indexScheme: string;
  orgCode: string;
  /** Read only: the code new 索引号 use, what it is, and the rule in words as the 指南 states it. */
  indexCode?: string;
  indexCodeLabel?: string;
  indexRule?: string;
  guide: Partial<Record<'intro' | 'classification' | 'obtaining' | 'applications' | 'remedies', string>>;
  rulesHtml: string;
}

export const settingsApi = {
  get: (agencyId: string, signal?: AbortSignal) =>
    request<{ settings: CatalogSettings; categories: CatalogMeta['categories'] }>(
      'GET',
      `/catalog/settings/${agencyId}`,
      { signal },
    ),
  save: (agencyId: string, body: Partial<Omit<CatalogSettings, 'agencyId'>>) =>
    request<{ settings: CatalogSettings }>('PUT', `/catalog/settings/${agencyId}`, { body }),
  addCategory: (agencyId: string, body: { name: string; statutoryItem: string }) =>
    request<unknown>('POST', `/catalog/settings/${agencyId}/categories`, { body }),
};
