/**
 * The console's applications tools (src/modules/applications/applications.routes.ts): the legacy
 * import with its dry run, the 申请编号 pattern, and the 第四十四条 suggestions.
 */
import type { Static } from 'typebox';
import type {
  LegacyImportModeSchema,
  LegacyImportReportSchema,
  TrackingSettingsSchema,
} from '../../../../modules/applications/applications.schemas.ts';
import type {
  DismissedSchema,
  DraftedSchema,
  DraftSuggestionBody,
  HandledSuggestionSchema,
  SuggestionListSchema,
  SuggestionSchema,
} from '../../../../modules/applications/suggestions/suggestions.schemas.ts';
import { ApiError, request } from './client.ts';
import type { Problem } from './types.ts';

export type LegacyImportReport = Static<typeof LegacyImportReportSchema>;
/** check: a dry run; valid: import the rows without problems; all: import only a clean file. */
export type LegacyImportMode = Static<typeof LegacyImportModeSchema>;
export type TrackingSettings = Static<typeof TrackingSettingsSchema>;
export type Suggestion = Static<typeof SuggestionSchema>;
export type SuggestionDecision = NonNullable<Suggestion['members'][number]['decision']>;
export type HandledSuggestion = Static<typeof HandledSuggestionSchema>;
export type DraftFromSuggestion = Static<typeof DraftSuggestionBody>;

/** Sends the file as multipart with the session's CSRF token (read from /auth/me, as other uploads do). */
async function importFile(agencyId: string, file: File, mode: LegacyImportMode): Promise<LegacyImportReport> {
  const csrf = (await request<{ csrfToken?: string }>('GET', '/auth/me')).csrfToken ?? null;
  const form = new FormData();
  form.set('agencyId', agencyId);
  form.set('mode', mode);
  form.set('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/applications-import', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const problem = body as Problem;
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? '导入失败',
      problem.errors ?? {},
      problem,
    );
  }
  return body as LegacyImportReport;
}

export const applicationToolsApi = {
  importLegacy: importFile,
  /** The column template, downloaded by a plain link (the session cookie goes with it). */
  templateUrl: (format: 'xlsx' | 'csv') => `/api/v1/applications-import/template?format=${format}`,
  settings: (agencyId: string, signal?: AbortSignal) =>
    request<TrackingSettings>('GET', `/application-settings/${encodeURIComponent(agencyId)}`, { signal }),
  saveSettings: (agencyId: string, body: { trackingPattern?: string; lateFeePaymentAcceptable?: boolean }) =>
    request<TrackingSettings>('PUT', `/application-settings/${encodeURIComponent(agencyId)}`, { body }),
  suggestions: (agencyId: string, signal?: AbortSignal) =>
    request<Static<typeof SuggestionListSchema>>('GET', '/application-suggestions', {
      query: { agencyId },
      signal,
    }),
  draft: (body: DraftFromSuggestion) =>
    request<Static<typeof DraftedSchema>>('POST', '/application-suggestions/draft', { body }),
  dismiss: (agencyId: string, applicationIds: string[], reason: string) =>
    request<Static<typeof DismissedSchema>>('POST', '/application-suggestions/dismiss', {
      body: { agencyId, applicationIds, reason },
    }),
};
