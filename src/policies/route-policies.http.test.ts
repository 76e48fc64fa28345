/**
 * The authorization matrix (docs/security.md "The route matrix"): every route the app registers ×
 * every role of src/policies/permissions.ts and an anonymous caller. Each route must declare its
 * policy in route-policies.ts; then an anonymous caller gets 401 on every route that is not
 * public, a role without the route's permission 403, and a role holding it neither 401 nor 403.
 * Ids come from the demo platform (the 工信局 the business accounts belong to), so a service's own
 * check of the record is exercised too. Mutations send an empty body, refused by validation
 * after the authorization decision, so no request depends on another's effects.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../domain/accounts.ts';
import { routeList } from '../server/app.ts';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';
import { STEP_PERMISSION, type Step } from '../domain/applications/workflow.ts';
import { ROLE_PERMISSIONS, TOKEN_SCOPES, type Permission } from './permissions.ts';
import { PREFIX_POLICIES, ROUTE_POLICIES, describePolicy, policyOf, type RoutePolicy } from './route-policies.ts';

const METRICS_TOKEN = 'metrics-token-for-the-matrix-0123456789';
const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

interface Caller {
  name: string;
  /** The account's role (an API token: its creator's); null for an anonymous caller. */
  role: Role | null;
  /** What the matrix grants it (a token: narrowed to its scopes). */
  held: readonly Permission[];
  headers: Record<string, string>;
}

/** Real ids of the demo platform for the route parameters. */
interface Ids {
  agency: string;
  code: string;
  user: string;
  application: string;
  catalogItem: string;
  case: string;
  complaint: string;
  outbox: string;
  reportCheck: string;
  year: string;
}

/** Ids of the records of `agencyId` (default: the 工信局 of gxj.clerk). */
async function demoIds(t: TestApp, agencyId?: string): Promise<Ids> {
  const db = t.testDb.db;
  const clerk = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id'])
    .where('username', '=', 'gxj.clerk')
    .executeTakeFirstOrThrow();
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('id', '=', agencyId ?? clerk.agency_id!)
    .executeTakeFirstOrThrow();
  const first = async (table: 'application' | 'catalog_item' | 'disclosure_case' | 'complaint' | 'outbox_message') =>
    (await db.selectFrom(table).select('id').where('agency_id', '=', agency.id).orderBy('id').executeTakeFirst())?.id ??
    randomUUID();
  // imported_report is typed in its module (report-import.repository.ts), not in the app's schema.
  const check = (await sql<{ id: string }>`select id from imported_report order by id limit 1`.execute(db)).rows[0];
  return {
    agency: agency.id,
    code: agency.code,
    user: clerk.id,
    application: await first('application'),
    catalogItem: await first('catalog_item'),
    case: await first('disclosure_case'),
    complaint: await first('complaint'),
    outbox: await first('outbox_message'),
    reportCheck: check?.id ?? randomUUID(),
    year: String(new Date(t.clock.now()).getUTCFullYear() - 1),
  };
}

/** The route pattern with its parameters filled in. DELETE targets a record that does not exist. */
function fill(method: string, url: string, ids: Ids, role: Role | null): string {
  const id = (): string => {
    if (method === 'DELETE') return randomUUID();
    if (url.startsWith('/api/v1/agencies/') || url.startsWith('/api/v1/application-settings/')) return ids.agency;
    if (url.startsWith('/api/v1/users/')) return ids.user;
    if (url.startsWith('/api/v1/applications/')) return ids.application;
    if (url.startsWith('/api/v1/catalog/items/') || url.startsWith('/gk/items/')) return ids.catalogItem;
    if (url.startsWith('/api/v1/cases/')) return ids.case;
    if (url.startsWith('/api/v1/complaints/')) return ids.complaint;
    if (url.startsWith('/api/v1/outbox/')) return ids.outbox;
    if (url.startsWith('/api/v1/report-checks/')) return ids.reportCheck;
    return randomUUID();
  };
  const values: Record<string, string> = {
    agencyId: ids.agency,
    code: ids.code,
    year: ids.year,
    step: stepFor(role),
    format: 'pdf',
    version: '1',
    key: 'acknowledgement',
    file: 'missing.js',
  };
  return url
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'id' ? id() : (values[name] ?? randomUUID())))
    .replace('*', 'missing.txt');
}

describeEachDialect('the route authorization matrix', (dialect) => {
  {
    let t: TestApp;
    let ids: Ids;
    const callers: Caller[] = [];
    /** Non-HEAD routes, one per static mount. */
    let routes: Array<{ method: string; url: string }> = [];

    beforeAll(async () => {
      t = await createTestApp(dialect, { GONGKAI_METRICS_TOKEN: METRICS_TOKEN }, { serveAdmin: true });
      await t.app.ready();
      ids = await demoIds(t);
      callers.push({ name: 'anonymous', role: null, held: [], headers: {} });
      for (const role of ROLES) {
        const account = t.demo.find((d) => d.roles.length === 1 && d.roles[0] === role);
        if (!account) throw new Error(`the demo has no account with the single role ${role}`);
        const s = await t.login(account.username);
        callers.push({
          name: account.username,
          role,
          held: ROLE_PERMISSIONS[role],
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        });
      }
      // An API token of the system administrator with every scope: its creator's permissions
      // narrowed to the read scopes (permissionsOf in can.ts).
      const sys = callers.find((c) => c.role === 'system_admin')!;
      const scopes = TOKEN_SCOPES.map((s) => s.key);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: sys.headers,
        payload: { name: '授权矩阵', scopes },
      });
      if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
      callers.push({
        name: 'API token (sys.admin)',
        role: 'system_admin',
        held: ROLE_PERMISSIONS.system_admin.filter((p) => scopes.includes(p)),
        headers: { authorization: `Bearer ${(created.json() as { token: string }).token}` },
      });
      const seenPrefix = new Set<string>();
      routes = routeList(t.app).filter((r) => {
        if (r.method === 'HEAD') return false;
        if (ROUTE_POLICIES[`${r.method} ${r.url}`] !== undefined) return true;
        const prefix = PREFIX_POLICIES.find((p) => r.url.startsWith(p.prefix))?.prefix;
        if (!prefix) return true;
        if (seenPrefix.has(prefix)) return false;
        seenPrefix.add(prefix);
        return true;
      });
    }, 120_000);
    afterAll(() => t?.close());

    it('declares a policy for every route, and no policy for a route that does not exist', () => {
      const all = routeList(t.app);
      const undeclared = all.filter((r) => policyOf(r.method, r.url) === undefined).map((r) => `${r.method} ${r.url}`);
      expect(undeclared, 'routes without a policy: add them to src/policies/route-policies.ts').toEqual([]);
      const registered = new Set(all.map((r) => `${r.method} ${r.url}`));
      const stale = Object.keys(ROUTE_POLICIES).filter((k) => !registered.has(k));
      expect(stale, 'policies naming no route: remove them from src/policies/route-policies.ts').toEqual([]);
      for (const { prefix } of PREFIX_POLICIES) {
        expect(
          all.some((r) => r.url.startsWith(prefix)),
          `no route under ${prefix}`,
        ).toBe(true);
      }
    });

    it('gives every role exactly what the permission matrix allows on every route', async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        const policy = policyOf(route.method, route.url)!;
        for (const caller of callers) {
          const expected = expectation(
            policy,
            caller.role === null ? null : caller.held,
            'authorization' in caller.headers,
          );
          const headers = { ...caller.headers };
          // Logging out ends the session the other routes use: a session of its own.
          if (route.url === '/api/v1/auth/logout' && caller.headers.cookie) {
            const account = caller.name;
            const s = await t.login(account);
            Object.assign(headers, { cookie: s.cookie, 'x-csrf-token': s.csrf });
          }
          const url = fill(route.method, route.url, ids, caller.role);
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers,
            ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
          });
          const status = res.statusCode;
          const ok = expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
          if (!ok) {
            wrong.push(
              `${route.method} ${url} as ${caller.name}: ${status}, expected ${expected} (${describePolicy(policy)})`,
            );
          }
        }
      }
      expect(wrong).toEqual([]);
    }, 600_000);

    it("gives an agency's accounts none of another agency's records", async () => {
      // Another agency beside the 工信局 (not below it). The demo's records are the 工信局's, so
      // the other agency's are its settings, catalog settings, power list and reports; record ids
      // fall back to ones that do not exist.
      const other = await t.testDb.db
        .selectFrom('agency')
        .select('agency.id')
        .where('agency.id', '!=', ids.agency)
        .where((eb) => eb.or([eb('agency.parent_id', 'is', null), eb('agency.parent_id', '!=', ids.agency)]))
        .orderBy('agency.id')
        .executeTakeFirstOrThrow();
      const theirs = await demoIds(t, other.id);
      const leaks: string[] = [];
      let checked = 0;
      const agencyScoped =
        /:agencyId|\/api\/v1\/(agencies|application-settings|applications|catalog\/items|cases|complaints|outbox)\/:id/;
      for (const route of routes) {
        if (route.method !== 'GET' || !agencyScoped.test(route.url)) continue;
        const policy = policyOf(route.method, route.url)!;
        for (const caller of callers) {
          if (
            !caller.role ||
            !['clerk', 'handler', 'office_head', 'confidentiality_reviewer', 'approver', 'agency_admin'].includes(
              caller.role,
            )
          )
            continue;
          if (expectation(policy, caller.held, false) !== 'allowed') continue;
          const url = fill(route.method, route.url, theirs, caller.role);
          const res = await t.app.inject({ url, headers: caller.headers });
          checked++;
          if (res.statusCode < 300) leaks.push(`${route.method} ${url} as ${caller.name}: ${res.statusCode}`);
        }
      }
      expect(checked).toBeGreaterThan(20);
      expect(leaks).toEqual([]);
    });

    it("keeps another agency's catalog categories from an account that may not read its catalog", async () => {
      const other = await t.testDb.db
        .selectFrom('agency')
        .select('id')
        .where('id', '!=', ids.agency)
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow();
      const clerk = callers.find((c) => c.role === 'clerk')!;
      const res = await t.app.inject({ url: `/api/v1/catalog/meta?agencyId=${other.id}`, headers: clerk.headers });
      expect(res.statusCode).toBe(403);
      const own = await t.app.inject({ url: `/api/v1/catalog/meta?agencyId=${ids.agency}`, headers: clerk.headers });
      expect(own.statusCode).toBe(200);
    });
  }
});

/** A workflow step the role may take (each step has its own permission), else one it may not. */
function stepFor(role: Role | null): Step {
  const held = role ? ROLE_PERMISSIONS[role] : [];
  const steps = Object.entries(STEP_PERMISSION) as Array<[Step, Permission | readonly Permission[]]>;
  const mine = steps.find(([, p]) => [p].flat().some((x) => held.includes(x)));
  return mine?.[0] ?? 'assign';
}

/** What a caller holding `held` (null: anonymous) must get from a route with `policy`. */
function expectation(policy: RoutePolicy, held: readonly Permission[] | null, isToken: boolean): 401 | 403 | 'allowed' {
  if (policy === 'public') return 'allowed';
  // The monitoring endpoint takes its bearer token only: a console session is not it.
  if (policy === 'metrics') return 401;
  if (held === null) return 401;
  if (policy === 'authenticated') return 'allowed';
  if (policy === 'session') return isToken ? 403 : 'allowed';
  const granted =
    typeof policy === 'string'
      ? held.includes(policy as Permission)
      : 'all' in policy
        ? policy.all.every((p) => held.includes(p))
        : (policy as readonly Permission[]).some((p) => held.includes(p));
  return granted ? 'allowed' : 403;
}
