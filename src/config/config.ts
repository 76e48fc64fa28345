/**
 * One typed configuration object, read from environment variables and validated at start-up
 * (STYLE.md rule 15). A bad value stops start-up with a message naming the variable and why.
 * Every variable is documented in docs/configuration.md.
 */
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_REPORT_DEADLINE_SETTINGS, type ReportDeadlineSettings } from '../domain/report/deadlines.ts';

export type Environment = 'development' | 'production' | 'test';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface Config {
  env: Environment;
  /** `sqlite:<path>` or `postgres://…` */
  databaseUrl: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** PostgreSQL connections per node (GONGKAI_DB_POOL_SIZE). */
  databasePoolSize: number;
  /**
   * /metrics is never public: served on the main port only with `Authorization: Bearer <token>`
   * (GONGKAI_METRICS_TOKEN), and/or without a token on a listener bound to 127.0.0.1
   * (GONGKAI_METRICS_PORT). Neither set: no /metrics.
   */
  metrics: { token: string | null; port: number | null };
  host: string;
  port: number;
  /** Signs cookies and CSRF tokens. Null in embedded mode until generated and kept (see secrets.ts). */
  secret: string | null;
  /** 32-byte key (hex or base64) for personal data at rest. Null in embedded mode until generated. */
  encryptionKey: string | null;
  dataDir: string;
  /** Where the audit chain heads are anchored, outside the database (docs/operations.md). */
  auditAnchorDir: string;
  /**
   * Cryptographic suite for new values (GONGKAI_CRYPTO): 'international' (AES-256-GCM personal
   * data, SHA-256 audit chain) or 'gm' (国密: SM4 personal data, SM3 audit chain; GB/T 39786-2021).
   * Every stored value records its algorithm, so both stay readable after a switch.
   */
  cryptoSuite: 'international' | 'gm';
  smtp: SmtpConfig | null;
  /** Where people reach this server (no trailing slash): links in e-mails, e.g. a reminder's link to the console. */
  publicUrl: string;
  /** SMS to applicants: 'off' (default) or 'log' (the logging gateway, src/modules/outbox/sms.ts). */
  smsGateway: 'off' | 'log';
  /**
   * 第四十九条 leaves townships' (乡镇、街道) annual report deadline to local rules:
   * GONGKAI_REPORT_TOWNSHIP_DEADLINE = 01-31 (default) or 03-31; reminders from 15 January.
   */
  reportDeadlines: ReportDeadlineSettings;
  /**
   * What the portal's footer shows (国办发〔2017〕47号《政府网站发展指引》: 网站标识码, 主办单位,
   * ICP备案编号 and 公安机关备案号). Null = not shown.
   */
  site: {
    /** 网站标识码 (10 characters, issued by the 全国政府网站信息报送系统). */
    identifier: string | null;
    /** ICP备案编号, e.g. 闽ICP备12345678号. */
    icp: string | null;
    /** 公安机关备案号, e.g. 闽公网安备 35050302000123号. */
    psb: string | null;
    /** 主办单位, e.g. 泉州市洛江区人民政府办公室. */
    sponsor: string | null;
  };
  /**
   * Rendered public portal pages kept in each process (src/web/portal/page-cache.ts): the memory
   * they may take (GONGKAI_PAGE_CACHE_MB, 0 = off) and the Cache-Control a cache in front (nginx,
   * a CDN) is given: how long it may serve a page without asking (s-maxage,
   * GONGKAI_PAGE_CACHE_SHARED_SECONDS) and how long after that it may serve the old page while it
   * asks (stale-while-revalidate, GONGKAI_PAGE_CACHE_STALE_SECONDS).
   */
  pageCache: { maxBytes: number; sharedMaxAge: number; staleWhileRevalidate: number };
  security: {
    lockoutThreshold: number;
    lockoutMinutes: number;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    passwordMinLength: number;
    /** Page views per minute per client address on the portal (high: a NAT puts a whole office behind one address). */
    publicRateLimit: number;
    /** Searches per minute per client address (each one queries the index). */
    searchRateLimit: number;
    /** Form submissions and tracking look-ups per minute per client address (against floods and code guessing). */
    formRateLimit: number;
    loginRateLimit: number;
    /** Serve cookies with `Secure`; on by default in production (behind TLS). */
    secureCookies: boolean;
    /**
     * The reverse proxies whose X-Forwarded-For/-Host/-Proto are believed: false (none, the
     * default), a hop count, or their addresses/CIDRs. Never "everyone": then any client could
     * name its own address and walk around the rate limits.
     */
    trustProxy: TrustProxy;
  };
  logLevel: string;
}

type Env = Record<string, string | undefined>;

export type TrustProxy = false | number | string[];

export class ConfigError extends DomainError {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super('CONFIG_INVALID', `配置项 ${variable} 无效：${reason}`, { variable });
  }
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `应为整数，实际为“${raw}”`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `应在 ${min} 到 ${max} 之间，实际为 ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `应为 true 或 false，实际为“${env[name]}”`);
}

function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file)
      throw new ConfigError('GONGKAI_DATABASE_URL', 'sqlite: 之后应写数据库文件路径，例如 sqlite:./data/gongkai.db');
    return { kind: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('GONGKAI_DATABASE_URL', '不是有效的 PostgreSQL 连接地址');
    }
    return { kind: 'postgres', url };
  }
  throw new ConfigError('GONGKAI_DATABASE_URL', '应以 sqlite: 或 postgres:// 开头');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function isAddressOrCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address) return false;
  const v4 = IPV4.test(address);
  const v6 = !v4 && /^[0-9a-fA-F:.]+$/.test(address) && address.includes(':');
  if (!v4 && !v6) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128);
}

/**
 * GONGKAI_TRUST_PROXY: empty/false = trust no proxy; a number = that many proxy hops in front
 * (nginx alone: 1); otherwise a comma-separated list of proxy addresses or CIDRs
 * (e.g. 127.0.0.1,10.0.0.0/8). "true" or "*" (trust everyone) is refused.
 */
function parseTrustProxy(env: Env): TrustProxy {
  const name = 'GONGKAI_TRUST_PROXY';
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || ['false', 'no', 'off', '0'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes', 'on', '*', 'all'].includes(raw.toLowerCase())) {
    throw new ConfigError(
      name,
      '不能信任所有来源（伪造的 X-Forwarded-For 会绕过限流）；请写代理层数（如 1）或代理的地址/网段（如 127.0.0.1,10.0.0.0/8）',
    );
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(name, `代理层数应在 1 到 10 之间，实际为 ${hops}`);
    return hops;
  }
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((s) => !isAddressOrCidr(s));
  if (bad.length) {
    throw new ConfigError(name, `“${bad.join('、')}”不是 IP 地址或网段；应为代理层数（如 1）或以逗号分隔的地址/网段`);
  }
  return list;
}

/** 32 bytes, as 64 hex digits or base64. */
export function decodeKey(raw: string, variable: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(variable, '应为 32 字节的密钥（64 位十六进制或 base64）');
  return key;
}

/** The address the console is reached at when GONGKAI_PUBLIC_URL is unset: the embedded default. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

function parsePublicUrl(env: Env, port: number): string {
  const raw = env.GONGKAI_PUBLIC_URL?.trim();
  if (!raw) return port === 0 ? DEFAULT_PUBLIC_URL : `http://localhost:${port}`;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('GONGKAI_PUBLIC_URL', '应为完整地址，例如 https://gk.example.gov.cn');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ConfigError('GONGKAI_PUBLIC_URL', '协议应为 https: 或 http:');
  if (parsed.search || parsed.hash || parsed.username)
    throw new ConfigError('GONGKAI_PUBLIC_URL', '不应包含查询参数、锚点或用户名');
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

function parseSmtp(env: Env): SmtpConfig | null {
  const url = env.GONGKAI_SMTP_URL;
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('GONGKAI_SMTP_URL', '应为 smtp://用户:密码@主机:端口 或 smtps://…');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError('GONGKAI_SMTP_URL', '协议应为 smtp: 或 smtps:');
  }
  const from = env.GONGKAI_SMTP_FROM;
  if (!from || !/^[^@\s]+@[^@\s]+$/.test(from.replace(/^.*<|>$/g, ''))) {
    throw new ConfigError(
      'GONGKAI_SMTP_FROM',
      '设置 GONGKAI_SMTP_URL 时必须同时设置发件地址，例如 公开办 <gk@example.gov.cn>',
    );
  }
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    from,
  };
}

function optionalText(env: Env, name: string, check: RegExp, why: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  if (!check.test(raw)) throw new ConfigError(name, `${why}，实际为“${raw}”`);
  return raw;
}

function parseSmsGateway(env: Env): Config['smsGateway'] {
  const raw = env.GONGKAI_SMS_GATEWAY?.trim() || 'off';
  if (raw !== 'off' && raw !== 'log') throw new ConfigError('GONGKAI_SMS_GATEWAY', `应为 off 或 log，实际为“${raw}”`);
  return raw;
}

function parseReportDeadlines(env: Env): ReportDeadlineSettings {
  const raw = env.GONGKAI_REPORT_TOWNSHIP_DEADLINE?.trim() || '01-31';
  if (raw !== '01-31' && raw !== '03-31')
    throw new ConfigError('GONGKAI_REPORT_TOWNSHIP_DEADLINE', `应为 01-31 或 03-31，实际为“${raw}”`);
  return { ...DEFAULT_REPORT_DEADLINE_SETTINGS, township: raw === '03-31' ? 'march' : 'january' };
}

function parseSite(env: Env): Config['site'] {
  return {
    identifier: optionalText(env, 'GONGKAI_SITE_IDENTIFIER', /^[0-9A-Za-z]{10}$/, '网站标识码应为10位数字或字母'),
    icp: optionalText(
      env,
      'GONGKAI_SITE_ICP',
      /^.{0,10}ICP备[0-9]{6,10}号(-[0-9]{1,3})?$/,
      '应为ICP备案编号，如“闽ICP备12345678号”',
    ),
    psb: optionalText(
      env,
      'GONGKAI_SITE_PSB',
      /^.{0,10}公网安备\s?[0-9]{10,16}号$/,
      '应为公安机关备案号，如“闽公网安备 35050302000123号”',
    ),
    sponsor: optionalText(env, 'GONGKAI_SITE_SPONSOR', /^[^<>]{2,60}$/, '主办单位名称应为2至60个字'),
  };
}

/** Reads and validates the configuration. Throws ConfigError naming the first bad variable. */
function parseCryptoSuite(env: Record<string, string | undefined>): Config['cryptoSuite'] {
  const value = (env.GONGKAI_CRYPTO ?? 'international').trim().toLowerCase();
  if (value === 'international' || value === '') return 'international';
  if (value === 'gm' || value === 'sm') return 'gm';
  throw new ConfigError('GONGKAI_CRYPTO', '应为 international（AES/SHA-256，默认）或 gm（国密 SM4/SM3）');
}

export function loadConfig(env: Env = process.env): Config {
  const rawEnv = env.GONGKAI_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(rawEnv)) {
    throw new ConfigError('GONGKAI_ENV', `应为 development 或 production，实际为“${rawEnv}”`);
  }
  const environment = rawEnv as Environment;
  // Embedded mode keeps its database in the data directory, beside the secrets that encrypt it.
  const databaseUrl = env.GONGKAI_DATABASE_URL || `sqlite:${env.GONGKAI_DATA_DIR || './data'}/gongkai.db`;
  const database = parseDatabaseUrl(databaseUrl);
  const secret = env.GONGKAI_SECRET || null;
  const encryptionKey = env.GONGKAI_ENCRYPTION_KEY || null;
  if (secret !== null && secret.length < 32) {
    throw new ConfigError('GONGKAI_SECRET', '长度至少 32 个字符（建议用 openssl rand -hex 32 生成）');
  }
  if (encryptionKey !== null) decodeKey(encryptionKey, 'GONGKAI_ENCRYPTION_KEY');
  const production = environment === 'production';
  const port = int(env, 'GONGKAI_PORT', 3000, 0, 65535);
  if (production) {
    // 生产模式不生成密钥、不加载演示数据，弱配置拒绝启动。
    if (!secret) throw new ConfigError('GONGKAI_SECRET', '生产模式（GONGKAI_ENV=production）必须设置');
    if (!encryptionKey) throw new ConfigError('GONGKAI_ENCRYPTION_KEY', '生产模式必须设置，用于加密个人信息');
    if (new Set(secret).size < 10) throw new ConfigError('GONGKAI_SECRET', '过于简单，请使用随机生成的值');
  }
  const metricsToken = env.GONGKAI_METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && (metricsToken.length < 24 || /\s/.test(metricsToken))) {
    throw new ConfigError('GONGKAI_METRICS_TOKEN', '至少 24 个字符且不含空白（建议用 openssl rand -hex 24 生成）');
  }
  const metricsPort = int(env, 'GONGKAI_METRICS_PORT', 0, 0, 65535);
  const config: Config = {
    env: environment,
    databaseUrl,
    database,
    databasePoolSize: int(env, 'GONGKAI_DB_POOL_SIZE', 10, 1, 500),
    metrics: { token: metricsToken, port: metricsPort === 0 ? null : metricsPort },
    host: env.GONGKAI_HOST || '0.0.0.0',
    port,
    secret,
    encryptionKey,
    dataDir: env.GONGKAI_DATA_DIR || './data',
    auditAnchorDir: env.GONGKAI_AUDIT_ANCHOR_DIR || `${env.GONGKAI_DATA_DIR || './data'}/audit-anchors`,
    cryptoSuite: parseCryptoSuite(env),
    smtp: parseSmtp(env),
    publicUrl: parsePublicUrl(env, port),
    site: parseSite(env),
    smsGateway: parseSmsGateway(env),
    reportDeadlines: parseReportDeadlines(env),
    pageCache: {
      maxBytes: int(env, 'GONGKAI_PAGE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
      sharedMaxAge: int(env, 'GONGKAI_PAGE_CACHE_SHARED_SECONDS', 5, 0, 86_400),
      staleWhileRevalidate: int(env, 'GONGKAI_PAGE_CACHE_STALE_SECONDS', 60, 0, 86_400),
    },
    security: {
      lockoutThreshold: int(env, 'GONGKAI_LOCKOUT_THRESHOLD', 5, 1, 100),
      lockoutMinutes: int(env, 'GONGKAI_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      sessionIdleMinutes: int(env, 'GONGKAI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionMaxHours: int(env, 'GONGKAI_SESSION_MAX_HOURS', 12, 1, 24 * 30),
      passwordMinLength: int(env, 'GONGKAI_PASSWORD_MIN_LENGTH', 10, 8, 128),
      publicRateLimit: int(env, 'GONGKAI_PUBLIC_RATE_LIMIT', 1200, 1, 1_000_000),
      searchRateLimit: int(env, 'GONGKAI_SEARCH_RATE_LIMIT', 300, 1, 1_000_000),
      formRateLimit: int(env, 'GONGKAI_FORM_RATE_LIMIT', 30, 1, 1_000_000),
      loginRateLimit: int(env, 'GONGKAI_LOGIN_RATE_LIMIT', 20, 1, 1_000_000),
      secureCookies: bool(env, 'GONGKAI_SECURE_COOKIES', production),
      trustProxy: parseTrustProxy(env),
    },
    logLevel: env.GONGKAI_LOG_LEVEL || (environment === 'test' ? 'silent' : 'info'),
  };
  if (production && config.security.passwordMinLength < 10) {
    throw new ConfigError('GONGKAI_PASSWORD_MIN_LENGTH', '生产模式下不得低于 10');
  }
  if (production && config.smtp && !env.GONGKAI_PUBLIC_URL?.trim()) {
    // Reminder e-mails link to the console: a localhost link would reach no one.
    throw new ConfigError(
      'GONGKAI_PUBLIC_URL',
      '生产模式下发送邮件时必须设置本系统的对外地址（邮件中的链接），例如 https://gk.example.gov.cn',
    );
  }
  if (production && !config.security.secureCookies) {
    throw new ConfigError('GONGKAI_SECURE_COOKIES', '生产模式必须启用（请在 HTTPS 之后部署）');
  }
  return config;
}
