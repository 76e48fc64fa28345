/**
 * Loads the demo platform through the ordinary services (so it is validated and audited like
 * any other data). Demo passwords are generated here and returned once for printing; none is
 * fixed in code.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { createUser } from '../accounts/users.service.ts';
import { countAgencies } from '../agencies/agencies.repository.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { loadApplicationsDemo, type DemoKeys } from './applications.demo.ts';
import { markDemoNoticesDelivered } from '../outbox/outbox.service.ts';
import { DEMO_ACCOUNTS, DEMO_AGENCIES } from './demo.data.ts';
import { loadCatalogDemo } from './catalog.demo.ts';
import { loadPastReportsDemo } from './past-reports.demo.ts';

// Symbols limited to ones that need no quoting in a shell or a URL form field.
const ALPHABETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#+=-_'];

/** A random password meeting the policy: 16 characters from all four classes. */
export function generatePassword(length = 16): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export interface DemoCredentials {
  username: string;
  displayName: string;
  roles: string[];
  agencyName: string;
  password: string;
}

export async function loadDemo(
  db: Db,
  clock: Clock,
  options: { passwordMinLength: number; password?: () => string; keys: DemoKeys },
): Promise<DemoCredentials[]> {
  if ((await countAgencies(db)) > 0) {
    throw new DomainError('DATA_INVALID', '数据库中已有机构，演示数据只能载入空数据库');
  }
  const actor = systemActor('演示数据');
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const created = await createAgency(db, actor, { ...a, parentId: a.parent ? ids.get(a.parent)! : null }, clock);
    ids.set(a.key, created.id);
    names.set(a.key, created.name);
  }
  const credentials: DemoCredentials[] = [];
  for (const u of DEMO_ACCOUNTS) {
    const password = (options.password ?? generatePassword)();
    await createUser(
      db,
      actor,
      {
        username: u.username,
        displayName: u.displayName,
        agencyId: ids.get(u.agency)!,
        roles: u.roles,
        password,
        reachAgencyId: u.reach ? ids.get(u.reach)! : null,
      },
      { passwordMinLength: options.passwordMinLength },
      clock,
    );
    credentials.push({
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      agencyName: names.get(u.agency)!,
      password,
    });
  }
  await loadCatalogDemo(db, clock, ids);
  await loadApplicationsDemo(db, clock, options.keys);
  // The bureau's 2020 report from before Gongkai, on its 年报 page as 原文导入 (issue 16).
  await loadPastReportsDemo(db, clock);
  // The applicants' e-mails of the demo's steps stay in the outbox, shown as delivered.
  await markDemoNoticesDelivered(db);
  return credentials;
}
