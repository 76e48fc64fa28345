/**
 * Every error code the platform raises, with its meaning. Domain errors know nothing of HTTP:
 * the server maps each code to a status (src/http/problem.ts, exhaustively, so a new code
 * cannot silently become 422) and docs/api.md lists them all (checked by errors.test.ts).
 * A code is stable: never change one once released; add a new one instead.
 */
export const ERROR_CODES = {
  // Request and input
  VALIDATION_FAILED: '提交的内容有误（`errors` 按字段说明）',
  BAD_REQUEST: '请求格式有误',
  INVALID_DATE: '日期无效或不在允许范围内',
  INVALID_WORKING_DAYS: '工作日数无效',
  DATA_INVALID: '存储或上传的数据无法解读（例如密钥不符或数据已被改动）',
  DOCUMENT_INVALID: '上传的文件类型或内容不符合要求',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  CONFIG_INVALID: '配置项无效（启动时，`variable` 指明哪一项）',
  FONTS_MISSING: '服务器缺少生成 PDF 所需的字体',
  // Identity and access
  UNAUTHENTICATED: '未登录或登录已失效',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_DISABLED: '账号已停用',
  ACCOUNT_LOCKED: '账号已暂时锁定（带 `lockedUntil`）',
  PASSWORD_CHANGE_REQUIRED: '须先修改密码',
  FORBIDDEN: '没有权限',
  OUTSIDE_SUBTREE: '所选机构不在本人监督的范围内',
  CSRF_FAILED: '来源校验失败（跨站请求）',
  RATE_LIMITED: '请求过于频繁',
  // Records
  NOT_FOUND: '要找的对象不存在或不可见',
  CONFLICT: '与已有数据冲突（例如重复）',
  ALREADY_INITIALISED: '数据库已初始化（`gongkai init` 只在空库上运行）',
  // Workflows
  STEP_NOT_ALLOWED: '申请当前状态下不能办理这一步',
  RELEASED_FILE_MISSING: '予以公开、部分公开的答复尚未附提供文件（对外版本），不能签发（带 `outcome`）',
  CLOCK_EVENT_INVALID: '办理事实与法定期限规则不符（带 `index`、`type`、`date`）',
  CALENDAR_NOT_LOADED: '该年度工作日历尚未导入（带 `year`）',
  CALENDAR_HOLIDAYS_MISSING:
    '日历文件缺少《全国年节及纪念日放假办法》规定的法定节假日，未经确认不导入（带 `missingHolidays`）',
  FILE_ENCODING: '文本文件的编码无法识别（应为 UTF-8 或 GB18030）',
  CATALOG_STATE: '主动公开信息当前状态下不能办理这一步',
  CATALOG_SAME_PERSON: '同一人不能既撰写又审核',
  // Annual reports
  REPORT_STATE: '年报当前状态下不能办理这一步',
  REPORT_NOT_EDITABLE: '年报已发布，不能修改',
  REPORT_NOT_PUBLISHABLE: '年报尚有错误，不能发布',
  REPORT_YEAR_NOT_ENDED: '报告年度尚未结束',
  REPORT_YEAR_UNSUPPORTED: '不支持该年度的报告格式',
  REPORT_FIGURES_INVALID: '年报数字不符合格式要求',
  REPORT_FIGURES_INCONSISTENT: '年报数字之间不一致',
  REPORT_REASON_REQUIRED: '修改需说明理由',
  REPORT_FORMAT_REASON_REQUIRED: '选用非本年度格式需说明理由',
  REPORT_AGGREGATE_MIXED: '汇总的报告格式不一',
  REPORT_CHECK_NO_AGENCY: '体检需指明机构',
  REPORT_COMPARE_SAME: '比较需选择两份不同的报告',
  REPORT_COMPARE_AGENCY: '只能比较同一机关的报告',
  REPORT_PAST_CONFLICT: '该年度已有在本平台发布的年度报告',
  REPORT_PAST_NO_ORIGINAL: '导入的报告没有保存原文件，不能作为往年报告发布',
  // Last resort
  INTERNAL: '服务器内部错误',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A rule was broken. The server maps `code` to a status (src/http/problem.ts) and the CLI
 * to an exit code. `message` is Chinese, for the user.
 */
export class DomainError extends Error {
  constructor(
    /** Stable machine code, one of ERROR_CODES. */
    readonly code: ErrorCode,
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
