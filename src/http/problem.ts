/**
 * One place that maps domain error codes to HTTP (STYLE.md rule 6): JSON API errors are
 * `application/problem+json` with a stable `code` and a Chinese `detail`.
 */
import type { FastifyError } from 'fastify';
import { DomainError, ValidationError, type ErrorCode } from '../domain/errors.ts';

/**
 * Every code's HTTP status: exhaustive, so a new code must be given one here (no silent default).
 * 422 is "understood, but a rule refuses it" (a workflow state, a statutory date, a report check).
 */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_DATE: 422,
  INVALID_WORKING_DAYS: 422,
  DATA_INVALID: 422,
  DOCUMENT_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFIG_INVALID: 422,
  FONTS_MISSING: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  OUTSIDE_SUBTREE: 403,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_INITIALISED: 409,
  STEP_NOT_ALLOWED: 422,
  RELEASED_FILE_MISSING: 422,
  CLOCK_EVENT_INVALID: 422,
  CALENDAR_NOT_LOADED: 422,
  CALENDAR_HOLIDAYS_MISSING: 422,
  FILE_ENCODING: 422,
  CATALOG_STATE: 422,
  CATALOG_SAME_PERSON: 422,
  REPORT_STATE: 422,
  REPORT_NOT_EDITABLE: 422,
  REPORT_NOT_PUBLISHABLE: 422,
  REPORT_YEAR_NOT_ENDED: 422,
  REPORT_YEAR_UNSUPPORTED: 422,
  REPORT_FIGURES_INVALID: 422,
  REPORT_FIGURES_INCONSISTENT: 422,
  REPORT_REASON_REQUIRED: 422,
  REPORT_FORMAT_REASON_REQUIRED: 422,
  REPORT_AGGREGATE_MIXED: 422,
  REPORT_CHECK_NO_AGENCY: 422,
  REPORT_COMPARE_SAME: 422,
  REPORT_COMPARE_AGENCY: 422,
  REPORT_PAST_CONFLICT: 409,
  REPORT_PAST_NO_ORIGINAL: 422,
  INTERNAL: 500,
};

/** The HTTP status of an error code (docs/api.md lists them). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '没有权限',
  404: '未找到',
  409: '冲突',
  413: '内容过大',
  415: '不支持的内容类型',
  422: '无法处理',
  423: '账号已锁定',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: Record<string, string>;
  [extra: string]: unknown;
}

function ajvMessage(e: { keyword: string; params: Record<string, unknown>; message?: string }): string {
  switch (e.keyword) {
    case 'required':
      return '此项必填';
    case 'minLength':
      return Number(e.params.limit) <= 1 ? '此项必填' : `至少 ${String(e.params.limit)} 个字符`;
    case 'maxLength':
      return `不超过 ${String(e.params.limit)} 个字符`;
    case 'minimum':
      return `不小于 ${String(e.params.limit)}`;
    case 'maximum':
      return `不大于 ${String(e.params.limit)}`;
    case 'format':
      return e.params.format === 'email'
        ? '电子邮箱格式不正确'
        : e.params.format === 'date'
          ? '日期格式应为 YYYY-MM-DD'
          : '格式不正确';
    case 'pattern':
      return '格式不正确';
    case 'enum':
    case 'const':
    case 'anyOf':
      return '取值无效';
    case 'type':
      return '类型不正确';
    case 'additionalProperties':
      return `不接受字段 ${String(e.params.additionalProperty)}`;
    default:
      return '内容无效';
  }
}

/** `/contact/email` → `contact.email`. */
const dottedPath = (instancePath: string) => instancePath.replace(/^\//, '').replace(/\//g, '.');

/** Field name from an ajv error: `/contact/email` → `contact.email`; required → the missing property. */
function fieldOf(e: { instancePath: string; params: Record<string, unknown> }): string {
  const base = dottedPath(e.instancePath);
  const missing = e.params.missingProperty as string | undefined;
  return missing ? (base ? `${base}.${missing}` : missing) : base || '_';
}

/**
 * Field errors of a TypeBox check (`Validator.Errors`), in the same Chinese as the route
 * validation's: an unexpected or missing property is reported under its own name.
 */
export function schemaFieldErrors(
  errors: Iterable<{ keyword: string; instancePath: string; params: Record<string, unknown> }>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const base = dottedPath(e.instancePath);
    const at = (name: string) => (base ? `${base}.${name}` : name);
    if (e.keyword === 'additionalProperties')
      for (const name of e.params.additionalProperties as string[]) fields[at(name)] ??= `不接受字段 ${name}`;
    else if (e.keyword === 'required')
      for (const name of e.params.requiredProperties as string[]) fields[at(name)] ??= '此项必填';
    // `boolean`: the same unexpected property, reported at its own path by `additionalProperties`.
    else if (e.keyword !== 'boolean') fields[base || '_'] ??= ajvMessage(e);
  }
  return fields;
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationError) {
    return {
      type: 'about:blank',
      title: TITLES[400]!,
      status: 400,
      code: error.code,
      detail: error.message,
      errors: error.fields,
    };
  }
  if (error instanceof DomainError) {
    const status = STATUS[error.code];
    const extra: Record<string, unknown> = {};
    if (typeof error.details.lockedUntil === 'string') extra.lockedUntil = error.details.lockedUntil;
    if (typeof error.details.year === 'number') extra.year = error.details.year;
    // A list of problems in an uploaded file (each with where/message), e.g. a calendar import.
    if (Array.isArray(error.details.errors)) extra.issues = error.details.errors;
    return {
      type: 'about:blank',
      title: TITLES[status] ?? '错误',
      status,
      code: error.code,
      detail: error.message,
      ...extra,
    };
  }
  const fe = error as FastifyError & {
    validation?: Array<{ keyword: string; instancePath: string; params: Record<string, unknown> }>;
  };
  if (fe.validation) {
    const errors: Record<string, string> = {};
    for (const v of fe.validation) errors[fieldOf(v)] ??= ajvMessage(v);
    return {
      type: 'about:blank',
      title: TITLES[400]!,
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '提交的内容有误，请按提示修改后重新提交',
      errors,
    };
  }
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 429)
    return {
      type: 'about:blank',
      title: TITLES[429]!,
      status,
      code: 'RATE_LIMITED',
      detail: '请求过于频繁，请稍后再试',
    };
  if (status === 413)
    return { type: 'about:blank', title: TITLES[413]!, status, code: 'PAYLOAD_TOO_LARGE', detail: '提交的内容过大' };
  if (status === 415)
    return {
      type: 'about:blank',
      title: TITLES[415]!,
      status,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: '不支持的内容类型',
    };
  if (status === 404)
    return { type: 'about:blank', title: TITLES[404]!, status, code: 'NOT_FOUND', detail: '请求的地址不存在' };
  if (status < 500)
    return { type: 'about:blank', title: TITLES[400]!, status, code: 'BAD_REQUEST', detail: '请求格式有误' };
  return {
    type: 'about:blank',
    title: TITLES[500]!,
    status: 500,
    code: 'INTERNAL',
    detail: '服务器内部错误，请稍后再试；如持续出现请联系系统管理员',
  };
}
