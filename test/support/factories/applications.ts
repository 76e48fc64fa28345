/** Test helpers for the applications module: demo platform, actors of the demo accounts, a valid applicant. */
import type { Db } from '../../../src/db/database.ts';
import type { Actor } from '../../../src/policies/actor.ts';
import { actorForUser } from '../../../src/modules/accounts/actor.ts';
import { findUserByUsername } from '../../../src/modules/accounts/users.repository.ts';
import { loadDemo } from '../../../src/modules/demo/demo.service.ts';
import type { Clock } from '../../../src/domain/time.ts';
import { createPersonalDataCipher } from '../../../src/modules/privacy/personal-data.ts';
import type { AppDeps } from '../../../src/modules/applications/applications.deps.ts';
import type { IntakeInput } from '../../../src/modules/applications/intake/intake.service.ts';
import { TEST_KEYS } from '../keys.ts';

/** Loads the demo platform and returns the deps and a way to get each demo account's actor. */
export async function demoSetup(db: Db, clock: Clock) {
  await loadDemo(db, clock, { keys: TEST_KEYS, passwordMinLength: 10, password: () => 'Demo-Passw0rd!' });
  const deps: AppDeps = { db, clock, cipher: createPersonalDataCipher('ab'.repeat(32)), secret: 'x'.repeat(64) };
  const actor = async (username: string): Promise<Actor> => {
    const user = await findUserByUsername(db, username);
    if (!user) throw new Error(`no demo user ${username}`);
    return actorForUser(db, user, { kind: 'user', scopes: null, clientIp: null });
  };
  const agencyId = (await actor('gxj.clerk')).agencyId!;
  return { deps, actor, agencyId };
}

/** A valid natural-person application to the given agency. */
export function citizen(agencyId: string, over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    agencyId,
    channel: 'in-person',
    applicantKind: 'natural_person',
    applicantName: '张三',
    idDocType: 'resident_id',
    idNumber: '350502198506123013',
    phone: '13800138000',
    address: '泉州市洛江区万安街道1号',
    infoDescription: '2024年工业企业技术改造专项资金拨付明细',
    deliveryForm: 'electronic',
    deliveryMethod: 'online',
    ...over,
  };
}
