import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const strong = { GONGKAI_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8', GONGKAI_ENCRYPTION_KEY: 'ab'.repeat(32) };

describe('configuration', () => {
  it('has working defaults for embedded development', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.database).toEqual({ kind: 'sqlite', file: './data/gongkai.db' });
    expect(c.port).toBe(3000);
    expect(c.secret).toBeNull();
    expect(c.security.lockoutThreshold).toBe(5);
    expect(c.security.lockoutMinutes).toBe(15);
  });

  it('GONGKAI_REPORT_TOWNSHIP_DEADLINE: townships publish by 31 January unless set to 31 March (第四十九条 leaves it open)', () => {
    expect(loadConfig({}).reportDeadlines).toEqual({ township: 'january', remindFrom: '01-15' });
    expect(loadConfig({ GONGKAI_REPORT_TOWNSHIP_DEADLINE: '03-31' }).reportDeadlines.township).toBe('march');
    expect(() => loadConfig({ GONGKAI_REPORT_TOWNSHIP_DEADLINE: '02-28' })).toThrow(
      /GONGKAI_REPORT_TOWNSHIP_DEADLINE.*应为 01-31 或 03-31/,
    );
  });

  it('GONGKAI_TRUST_PROXY: none, a hop count or addresses/CIDRs, never everyone', () => {
    expect(loadConfig({}).security.trustProxy).toBe(false);
    expect(loadConfig({ GONGKAI_TRUST_PROXY: 'false' }).security.trustProxy).toBe(false);
    expect(loadConfig({ GONGKAI_TRUST_PROXY: '1' }).security.trustProxy).toBe(1);
    expect(loadConfig({ GONGKAI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).security.trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['true', '*', 'all']) {
      expect(() => loadConfig({ GONGKAI_TRUST_PROXY: bad })).toThrow(/GONGKAI_TRUST_PROXY.*不能信任所有来源/);
    }
    expect(() => loadConfig({ GONGKAI_TRUST_PROXY: '11' })).toThrow(/1 到 10/);
    expect(() => loadConfig({ GONGKAI_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/不是 IP 地址或网段/);
    expect(() => loadConfig({ GONGKAI_TRUST_PROXY: 'nginx.local' })).toThrow(/nginx\.local/);
  });

  it('reads PostgreSQL URLs', () => {
    expect(loadConfig({ GONGKAI_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gk' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/gk',
    });
  });

  it.each([
    [{ GONGKAI_PORT: 'abc' }, 'GONGKAI_PORT', '应为整数'],
    [{ GONGKAI_PORT: '70000' }, 'GONGKAI_PORT', '0 到 65535'],
    [{ GONGKAI_ENV: 'staging' }, 'GONGKAI_ENV', 'development 或 production'],
    [{ GONGKAI_DATABASE_URL: 'mysql://x' }, 'GONGKAI_DATABASE_URL', 'sqlite: 或 postgres://'],
    [{ GONGKAI_SECRET: 'short' }, 'GONGKAI_SECRET', '至少 32'],
    [{ GONGKAI_ENCRYPTION_KEY: 'abc' }, 'GONGKAI_ENCRYPTION_KEY', '32 字节'],
    [{ GONGKAI_SMTP_URL: 'smtp://mail.example.gov.cn' }, 'GONGKAI_SMTP_FROM', '发件地址'],
    [{ GONGKAI_SECURE_COOKIES: 'maybe' }, 'GONGKAI_SECURE_COOKIES', 'true 或 false'],
    [{ GONGKAI_PUBLIC_URL: 'gk.example.gov.cn' }, 'GONGKAI_PUBLIC_URL', '完整地址'],
    [{ GONGKAI_PUBLIC_URL: 'ftp://gk.example.gov.cn' }, 'GONGKAI_PUBLIC_URL', 'https:'],
    [{ GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn/?a=1' }, 'GONGKAI_PUBLIC_URL', '查询参数'],
  ])('refuses %o naming the variable and why', (env, variable, reason) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as Error).message).toContain(variable);
      expect((e as Error).message).toContain(reason);
    }
  });

  it('production refuses to start without secrets, with weak ones, or without secure cookies', () => {
    expect(() => loadConfig({ GONGKAI_ENV: 'production' })).toThrow(/GONGKAI_SECRET/);
    expect(() => loadConfig({ GONGKAI_ENV: 'production', GONGKAI_SECRET: strong.GONGKAI_SECRET })).toThrow(
      /GONGKAI_ENCRYPTION_KEY/,
    );
    expect(() => loadConfig({ GONGKAI_ENV: 'production', ...strong, GONGKAI_SECRET: 'a'.repeat(40) })).toThrow(
      /过于简单/,
    );
    expect(() => loadConfig({ GONGKAI_ENV: 'production', ...strong, GONGKAI_SECURE_COOKIES: 'false' })).toThrow(
      /GONGKAI_SECURE_COOKIES/,
    );
    const c = loadConfig({ GONGKAI_ENV: 'production', ...strong });
    expect(c.security.secureCookies).toBe(true);
  });

  it('knows its public address for links in e-mails; production with SMTP must set it', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ GONGKAI_PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn/gongkai/' }).publicUrl).toBe(
      'https://gk.example.gov.cn/gongkai',
    );
    const smtp = { GONGKAI_SMTP_URL: 'smtp://mail.x.cn', GONGKAI_SMTP_FROM: '公开办 <gk@x.cn>' };
    expect(() => loadConfig({ GONGKAI_ENV: 'production', ...strong, ...smtp })).toThrow(/GONGKAI_PUBLIC_URL/);
    expect(
      loadConfig({ GONGKAI_ENV: 'production', ...strong, ...smtp, GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' })
        .publicUrl,
    ).toBe('https://gk.example.gov.cn');
  });

  it('parses SMTP settings', () => {
    const c = loadConfig({
      GONGKAI_SMTP_URL: 'smtps://gk%40x.cn:p%40ss@mail.x.cn',
      GONGKAI_SMTP_FROM: '公开办 <gk@x.cn>',
    });
    expect(c.smtp).toEqual({
      host: 'mail.x.cn',
      port: 465,
      secure: true,
      user: 'gk@x.cn',
      password: 'p@ss',
      from: '公开办 <gk@x.cn>',
    });
  });
});
