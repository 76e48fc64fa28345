/**
 * The application as a Fastify instance built from explicit dependencies. Tests build it and
 * call `inject()`; src/server/server.ts only adds listening, jobs and shutdown.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import cluster from 'node:cluster';
import { ClusterRateLimitStore } from './cluster.ts';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { tokenRoutes } from '../modules/auth/tokens.routes.ts';
import { agencyRoutes } from '../modules/agencies/agencies.routes.ts';
import { userRoutes } from '../modules/accounts/users.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { calendarWarnings } from '../modules/calendar/calendar.warnings.ts';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import type { WarningSource } from '../modules/dashboard/dashboard.service.ts';
import { applicationRoutes } from '../modules/applications/applications.routes.ts';
import { applicationWarnings } from '../modules/applications/applications.dashboard.ts';
import { databaseWarnings } from '../modules/health/database-health.warnings.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { catalogRoutes } from '../modules/catalog/catalog.routes.ts';
import { searchRoutes } from '../modules/search/search.routes.ts';
import { powerListRoutes } from '../modules/power-list/power-list.routes.ts';
import { reportRoutes } from '../modules/reports/reports.routes.ts';
import { reportWarnings } from '../modules/reports/reports.supervision.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { reportCheckRoutes } from '../modules/report-import/report-checks.routes.ts';
import { caseRoutes } from '../modules/cases/cases.routes.ts';
import { complaintRoutes } from '../modules/complaints/complaints.routes.ts';
import { letterRoutes } from '../modules/letters/letters.routes.ts';
import { outboxRoutes } from '../modules/outbox/outbox.routes.ts';
import { errorPage } from '../web/portal/pages/agency.ts';
import { portalRoutes } from '../web/portal/portal.routes.ts';
import { adminRoutes } from '../web/admin/admin.routes.ts';
import { registerAuthentication } from './authenticate.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerRoutePolicies } from './route-policy.ts';
import { isApiRequest, routedPath } from './routed-path.ts';
import type { AppContext } from './context.ts';
import { createTelemetry, registerTelemetry, type Telemetry } from './telemetry.ts';
import type { TrustProxy } from '../config/config.ts';
import { toProblem } from '../http/problem.ts';
import { nameOperations, swaggerOptions } from './openapi.ts';
import { buildSerializer } from '../http/serializer.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built console from dist/admin (off in most tests). */
  serveAdmin?: boolean;
  dashboardWarnings?: WarningSource[];
  /** The node's metrics registry (serve passes one shared with the job scheduler). */
  telemetry?: Telemetry;
}

/** A request id a client or proxy may hand us: short and harmless in a log line. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * GONGKAI_TRUST_PROXY in Fastify's terms. A hop count trusts that many addresses from the socket
 * backwards (Fastify's own rule for a number, which its types do not admit), so the client address
 * is the one the nearest trusted proxy appended, and whatever a client wrote into
 * X-Forwarded-For itself is ignored.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

export interface RouteEntry {
  method: string;
  url: string;
}

const routeLists = new WeakMap<object, RouteEntry[]>();

/** Every route the app registered (method + URL pattern, e.g. `GET /gk/:code/guide`). */
export function routeList(app: FastifyInstance): readonly RouteEntry[] {
  return routeLists.get(app) ?? [];
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One compact line per request (the onResponse hook below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(ctx.config.security.trustProxy),
    bodyLimit: 1024 * 1024,
    // X-Request-Id from the client or nginx is honoured when well-formed; otherwise a UUID, unique
    // across nodes (Fastify's default is a per-process counter). Echoed on every answer.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    // Each response compiled with only the shared schemas it refers to (src/http/serializer.ts).
    schemaController: { compilersFactory: { buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // One line per answered request, with the request id (the child logger's reqId); a route's
  // logLevel still applies, so health probes (logLevel warn) log nothing unless they fail.
  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
  });
  // The route list (method + URL pattern) as registered, for the accessibility suite, the
  // authorization matrix (src/policies/route-policies.http.test.ts) and docs.
  const routes: RouteEntry[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method: String(method), url: r.url });
  });
  registerTelemetry(app, options.telemetry ?? createTelemetry(ctx));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.security.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.security.secureCookies,
    // Same-origin requests carry their origin (a form post's Origin header, checked against CSRF
    // in authenticate.ts); other sites get no referrer, so tracking links never leak.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie, { secret: ctx.secret });
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, {
    global: false,
    // In a worker of `serve --workers N` the primary counts for the whole node (cluster.ts).
    ...(cluster.isWorker ? { store: ClusterRateLimitStore as unknown as FastifyRateLimitStoreCtor } : {}),
    errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' }),
  });
  nameOperations(app);
  await app.register(fastifySwagger, swaggerOptions);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthentication(app);
  registerRoutePolicies(app);
  registerInputGuard(app);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    const path = routedPath(request);
    if (isApiRequest(request) || path === '/healthz' || path === '/readyz' || path === '/metrics') {
      return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
    }
    return reply.code(problem.status).type('text/html; charset=utf-8').send(errorPage(problem.detail));
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = toProblem(Object.assign(new Error('not found'), { statusCode: 404 }));
    if (isApiRequest(request)) return reply.code(404).type('application/problem+json; charset=utf-8').send(problem);
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage('请求的页面不存在。'));
  });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(agencyRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(
    dashboardRoutes([
      calendarWarnings,
      applicationWarnings,
      reportWarnings(ctx.config.reportDeadlines),
      databaseWarnings,
      ...(options.dashboardWarnings ?? []),
    ]),
  );
  await app.register(caseRoutes);
  await app.register(complaintRoutes);
  await app.register(letterRoutes);
  await app.register(outboxRoutes);
  await app.register(catalogRoutes);
  await app.register(searchRoutes);
  await app.register(powerListRoutes);
  await app.register(applicationRoutes);
  await app.register(reportRoutes);
  await app.register(reportCheckRoutes);
  await app.register(supervisionRoutes);
  await app.register(portalRoutes);
  if (options.serveAdmin) await app.register(adminRoutes);
  return app;
}
