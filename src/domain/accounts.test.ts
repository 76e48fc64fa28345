import { describe, expect, it } from 'vitest';
import { emailProblem, passwordProblem, validateRoles, validateUsername } from './accounts.ts';
import { ValidationError } from './errors.ts';

describe('roles', () => {
  it('三员分立: no account combines two system roles, or a system role with a business role', () => {
    expect(() => validateRoles(['system_admin', 'audit_admin'])).toThrow(ValidationError);
    expect(() => validateRoles(['security_admin', 'clerk'])).toThrow(/三员分立/);
    expect(validateRoles(['audit_admin'])).toEqual(['audit_admin']);
    expect(validateRoles(['clerk', 'handler', 'clerk'])).toEqual(['clerk', 'handler']);
  });
  it('refuses unknown and empty role lists', () => {
    expect(() => validateRoles([])).toThrow(ValidationError);
    expect(() => validateRoles(['root'])).toThrow(/未知角色/);
  });
});

describe('password policy', () => {
  const policy = { minLength: 10 };
  it.each([
    ['Ab1!', '至少 10 位'],
    ['abcdefghijk', '至少三类'],
    ['abcdefgh12', '至少三类'],
    ['Zhangsan-2026!', '不能包含用户名'],
  ])('refuses %s', (pw, reason) => {
    expect(passwordProblem(pw, 'zhangsan', policy)).toContain(reason);
  });
  it('accepts a strong password', () => {
    expect(passwordProblem('Gongkai-2026!x', 'zhangsan', policy)).toBeNull();
  });
  it('checks usernames', () => {
    expect(validateUsername('gxj.clerk')).toBeNull();
    expect(validateUsername('A')).not.toBeNull();
    expect(validateUsername('张三')).not.toBeNull();
  });
});

describe('staff e-mail address', () => {
  it.each(['chen.chengban@example.gov.cn', 'gk+reminder@lj.qz.gov.cn', 'a_b-c@mail-1.example.cn'])(
    'accepts %s',
    (email) => {
      expect(emailProblem(email)).toBeNull();
    },
  );
  it.each([
    '',
    'chen',
    'chen@',
    '@example.gov.cn',
    'chen@localhost',
    'chen @example.gov.cn',
    'chen@example..cn',
    'chen@-example.cn',
    '陈@example.cn',
    'a@b.cn,c@d.cn',
  ])('refuses %o in Chinese', (email) => {
    expect(emailProblem(email)).toContain('电子邮箱格式不正确');
  });
  it('refuses an address longer than 254 characters', () => {
    expect(emailProblem(`${'a'.repeat(250)}@x.cn`)).toContain('254');
  });
});
