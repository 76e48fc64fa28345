/**
 * Bootstrapping a production install (`gongkai init`) and the server-console way back into a
 * locked-out system account (`gongkai user reset-password`).
 *
 * 三员分立 (GB/T 22239 等级保护): the system administrator, the security administrator and the
 * audit administrator are three different people, so all three accounts exist from the start
 * (the security administrator approves business-role grants; the audit administrator reads the
 * trail of the first two). Their first passwords were typed by the operator, not by them, so each
 * must change it at first login.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { passwordProblem, SYSTEM_ROLES, validateUsername, type Role } from '../../domain/accounts.ts';
import { AGENCY_LEVELS, validateAgency, type AgencyFields, type AgencyLevel } from '../../domain/agency.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { hashPassword } from '../accounts/password.ts';
import { countUsers, findUserByUsername, insertUser } from '../accounts/users.repository.ts';
import { setPassword, type UserRecord } from '../accounts/users.service.ts';
import { countAgencies, insertAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteUserSessions } from '../auth/sessions.repository.ts';

/** The three system accounts in the order `gongkai init` asks for their passwords. */
export const INIT_ACCOUNTS = [
  { key: 'admin', role: 'system_admin', label: '系统管理员' },
  { key: 'securityAdmin', role: 'security_admin', label: '安全保密管理员' },
  { key: 'auditAdmin', role: 'audit_admin', label: '安全审计员' },
] as const satisfies ReadonlyArray<{ key: string; role: Role; label: string }>;

export type InitAccountKey = (typeof INIT_ACCOUNTS)[number]['key'];

export interface InitInput {
  agency: { name: string; shortName?: string; code: string; level: string };
  accounts: Record<InitAccountKey, { username: string; password: string }>;
}

export interface InitResult {
  agencyId: string;
  agencyName: string;
  accounts: Array<{ username: string; role: Role; label: string }>;
}

/** The actor recorded for what an operator does on the server's console. */
export function consoleActor(): Actor {
  return systemActor('服务器控制台（命令行）');
}

/** Whether anything has been set up: an agency or an account exists. */
export async function isInitialised(db: Db): Promise<boolean> {
  return (await countAgencies(db)) > 0 || (await countUsers(db, 'all')) > 0;
}

/** Checks everything `initialise` would refuse for its input, before anything is opened or written. */
export function checkInitInput(input: InitInput, policy: { passwordMinLength: number }): AgencyFields {
  const errors: Record<string, string> = {};
  const level = input.agency.level as AgencyLevel;
  const fields: AgencyFields = {
    parentId: null,
    name: input.agency.name.trim(),
    shortName: (input.agency.shortName ?? input.agency.name).trim().slice(0, 30),
    code: input.agency.code.trim(),
    level,
    makesRules: false,
    contact: { address: '', postcode: '', hours: '', phone: '', fax: '', email: '' },
  };
  if (!AGENCY_LEVELS.includes(level)) errors['agency.level'] = `机构层级应为 ${AGENCY_LEVELS.join('、')} 之一`;
  else {
    try {
      validateAgency(fields, null);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      for (const [k, v] of Object.entries(e.fields)) errors[`agency.${k}`] = v;
    }
  }
  const seen = new Set<string>();
  for (const { key, label } of INIT_ACCOUNTS) {
    const { username, password } = input.accounts[key];
    const name = username.trim().toLowerCase();
    const bad = validateUsername(name);
    if (bad) errors[`${key}.username`] = `${label}：${bad}`;
    else if (seen.has(name)) errors[`${key}.username`] = `${label}：三员须为三个不同的账号（三员分立），用户名不能重复`;
    seen.add(name);
    const pw = passwordProblem(password, name, { minLength: policy.passwordMinLength });
    if (pw) errors[`${key}.password`] = `${label}：${pw}`;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return fields;
}

/**
 * Creates the root agency and the three system administrators in one transaction, on an empty
 * database only: on one that has any agency or account it refuses and changes nothing.
 */
export async function initialise(
  db: Db,
  input: InitInput,
  policy: { passwordMinLength: number },
  clock: Clock,
): Promise<InitResult> {
  const fields = checkInitInput(input, policy);
  if (await isInitialised(db)) throw alreadyInitialised();
  const hashes = await Promise.all(INIT_ACCOUNTS.map(({ key }) => hashPassword(input.accounts[key].password)));
  const actor = consoleActor();
  return db.transaction().execute(async (tx) => {
    // Checked again inside the transaction: two operators running init at once create one set.
    if ((await countAgencies(tx)) > 0 || (await countUsers(tx, 'all')) > 0) throw alreadyInitialised();
    const now = clock.now().toISOString();
    const agency = await insertAgency(tx, randomUUID(), fields, now);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: agency.id,
        action: 'agency.create',
        subjectType: 'agency',
        subjectId: agency.id,
        summary: `初始化：新建顶级机构“${agency.name}”`,
        after: fields,
      },
      clock,
    );
    const accounts: InitResult['accounts'] = [];
    for (const [i, { key, role, label }] of INIT_ACCOUNTS.entries()) {
      const id = randomUUID();
      const username = input.accounts[key].username.trim().toLowerCase();
      await insertUser(
        tx,
        {
          id,
          username,
          displayName: label,
          agencyId: agency.id,
          passwordHash: hashes[i]!,
          email: null,
          reminderEmail: false,
          mustChangePassword: true,
          roles: [role],
          reach: [],
        },
        now,
      );
      await recordAudit(
        tx,
        actor,
        {
          agencyId: agency.id,
          action: 'user.create',
          subjectType: 'user',
          subjectId: id,
          summary: `初始化：新建${label}账号 ${username}（首次登录须修改密码）`,
          after: { username, roles: [role], mustChangePassword: true },
        },
        clock,
      );
      accounts.push({ username, role, label });
    }
    return { agencyId: agency.id, agencyName: agency.name, accounts };
  });
}

function alreadyInitialised(): DomainError {
  return new DomainError(
    'ALREADY_INITIALISED',
    '数据库已初始化（已有机构或账号），未做任何改动；忘记系统账号密码请用 gongkai user reset-password <用户名>',
  );
}

/**
 * Sets a new password for a system account (系统管理员、安全管理员、审计管理员) from the server's
 * console: the password policy applies, the lockout is lifted, the account's sessions end, and
 * the holder must change the password at next login. Business accounts are reset in the console.
 */
export async function resetSystemPassword(
  db: Db,
  username: string,
  password: string,
  policy: { passwordMinLength: number },
  clock: Clock,
): Promise<UserRecord> {
  const name = username.trim().toLowerCase();
  const user = await findUserByUsername(db, name);
  if (!user) throw new DomainError('NOT_FOUND', `账号 ${name} 不存在`);
  if (!user.roles.some((r) => SYSTEM_ROLES.includes(r))) {
    throw new DomainError(
      'FORBIDDEN',
      `账号 ${name} 不是系统账号（三员）；业务账号的密码请由系统管理员在控制台“账号管理”中重置`,
    );
  }
  const problem = passwordProblem(password, name, { minLength: policy.passwordMinLength });
  if (problem) throw new ValidationError({ password: problem });
  await setPassword(
    db,
    consoleActor(),
    user,
    password,
    {
      action: 'user.password_reset',
      summary: `在服务器控制台重置系统账号 ${name} 的密码（下次登录须修改）`,
      mustChange: true,
    },
    clock,
  );
  await deleteUserSessions(db, user.id);
  return (await findUserByUsername(db, name))!;
}
