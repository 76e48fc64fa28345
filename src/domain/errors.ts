/**
 * A rule was broken. Domain errors know nothing of HTTP: the server maps `code` to a status
 * (src/http/problem.ts) and the CLI to an exit code. `message` is Chinese, for the user.
 */
export class DomainError extends Error {
  constructor(
    /** Stable machine code, e.g. `CALENDAR_NOT_LOADED`. Never change one once released. */
    readonly code: string,
    message: string,
    /** Extra facts for the caller (e.g. `{ year: 2027 }`, or field errors). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Field-level validation failure: `fields` maps a field name to its Chinese message. */
export class ValidationError extends DomainError {
  constructor(
    readonly fields: Record<string, string>,
    message?: string,
  ) {
    // With one problem, say it; with several, point at the fields.
    const only = Object.values(fields).length === 1 ? Object.values(fields)[0] : undefined;
    super('VALIDATION_FAILED', message ?? only ?? '提交的内容有误，请按提示修改后重新提交', { fields });
    this.name = 'ValidationError';
  }
}
