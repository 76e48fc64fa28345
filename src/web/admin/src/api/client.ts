/**
 * The console's only door to the server: a fetch wrapper for /api/v1 and one typed function
 * per endpoint. It sends the session cookie, adds the CSRF header to every request that
 * changes something, and turns `application/problem+json` answers into {@link ApiError}.
 */
import type {
  AccountChange,
  Agency,
  AgencyInput,
  ApiToken,
  AuditPage,
  AuditVerifyResult,
  CreatedToken,
  Dashboard,
  ItemList,
  Problem,
  Role,
  Session,
  TokenScope,
  User,
  UserCreateInput,
  UserUpdateInput,
} from './types.ts';

const API_BASE = '/api/v1';

/** A failed API call, with the server's stable code and Chinese message. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable machine code, e.g. `VALIDATION_FAILED`, `ACCOUNT_LOCKED`. */
    readonly code: string,
    /** Chinese message for the user. */
    readonly detail: string,
    /** Field → Chinese message, for forms. */
    readonly fieldErrors: Record<string, string> = {},
    /** The whole problem body, for extra members such as `lockedUntil`. */
    readonly problem: Problem = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** The CSRF token of the current session, from login or /auth/me. */
let csrfToken: string | null = null;
/** Called when the session is gone (401 UNAUTHENTICATED) so the app can go to the login page. */
let unauthenticatedHandler: (() => void) | null = null;

/** Stores the CSRF token that every non-GET request must carry. `null` after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the server says the session has ended; returns an unregister function. */
export function onUnauthenticated(handler: () => void): () => void {
  unauthenticatedHandler = handler;
  return () => {
    if (unauthenticatedHandler === handler) unauthenticatedHandler = null;
  };
}

/** Query parameters; empty, null and undefined values are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and /me answer 401 as a normal outcome; they must not trigger the session-expired path. */
  quietUnauthenticated?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Problem;
      return new ApiError(
        response.status,
        problem.code ?? `HTTP_${response.status}`,
        problem.detail ?? problem.title ?? `请求失败（${response.status}）`,
        problem.errors ?? {},
        problem,
      );
    } catch {
      // A broken JSON body falls through to the generic message.
    }
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `服务器出错（${response.status}），请稍后重试`);
}

/** Sends one request to /api/v1 and returns the parsed JSON (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    const sessionGone = error.code === 'UNAUTHENTICATED' || error.code === 'HTTP_401';
    if (error.status === 401 && sessionGone && !options.quietUnauthenticated) {
      unauthenticatedHandler?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

type Signal = AbortSignal | undefined;

/** One function per endpoint of the JSON API that the console uses. */
export const api = {
  login: (username: string, password: string) =>
    request<Session>('POST', '/auth/login', { body: { username, password }, quietUnauthenticated: true }),
  me: (signal?: Signal) => request<Session>('GET', '/auth/me', { signal, quietUnauthenticated: true }),
  logout: () => request<void>('POST', '/auth/logout', { quietUnauthenticated: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/auth/password', { body: { currentPassword, newPassword } }),

  dashboard: (agencyId: string, signal?: Signal) =>
    request<Dashboard>('GET', '/dashboard', { query: { agencyId }, signal }),

  agencies: (signal?: Signal) => request<ItemList<Agency>>('GET', '/agencies', { signal }),
  agency: (id: string, signal?: Signal) => request<Agency>('GET', `/agencies/${encodeURIComponent(id)}`, { signal }),
  createAgency: (input: AgencyInput) => request<Agency>('POST', '/agencies', { body: input }),
  updateAgency: (id: string, input: Partial<AgencyInput>) =>
    request<Agency>('PATCH', `/agencies/${encodeURIComponent(id)}`, { body: input }),

  roles: (signal?: Signal) => request<ItemList<Role>>('GET', '/roles', { signal }),
  users: (agencyId: string, signal?: Signal) =>
    request<ItemList<User>>('GET', '/users', { query: { agencyId }, signal }),
  createUser: (input: UserCreateInput) => request<User>('POST', '/users', { body: input }),
  updateUser: (id: string, input: UserUpdateInput) =>
    request<User>('PATCH', `/users/${encodeURIComponent(id)}`, { body: input }),
  unlockUser: (id: string) => request<User>('POST', `/users/${encodeURIComponent(id)}/unlock`),
  resetUserPassword: (id: string) =>
    request<{ status: 'requested' }>('POST', `/users/${encodeURIComponent(id)}/password`, { body: {} }),
  accountChanges: (status: AccountChange['status'] | undefined, signal?: Signal) =>
    request<ItemList<AccountChange>>('GET', status ? `/account-changes?status=${status}` : '/account-changes', {
      signal,
    }),
  approveAccountChange: (id: string) =>
    request<{ change: AccountChange; password: string | null }>(
      'POST',
      `/account-changes/${encodeURIComponent(id)}/approve`,
    ),
  rejectAccountChange: (id: string, note: string) =>
    request<AccountChange>('POST', `/account-changes/${encodeURIComponent(id)}/reject`, { body: { note } }),

  tokens: (signal?: Signal) => request<ItemList<ApiToken>>('GET', '/tokens', { signal }),
  tokenScopes: (signal?: Signal) => request<ItemList<TokenScope>>('GET', '/tokens/scopes', { signal }),
  createToken: (input: { name: string; scopes: string[]; expiresAt?: string }) =>
    request<CreatedToken>('POST', '/tokens', { body: input }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${encodeURIComponent(id)}`),

  audit: (query: Query, signal?: Signal) => request<AuditPage>('GET', '/audit', { query, signal }),
  verifyAudit: (signal?: Signal) => request<AuditVerifyResult>('GET', '/audit/verify', { signal }),
};
