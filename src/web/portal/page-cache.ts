/**
 * Rendered public portal pages, cached in each process and checked against the database on
 * every request (issue 20).
 *
 * What is cached: the response of a route marked `config: { publicPage: true }` — a GET, status
 * 200, without Set-Cookie and without a `private`/`no-store` Cache-Control of its own — keyed by
 * scheme, host and URL (path and query, so `?display=`, `?page=` and the search terms are part of
 * it). The page is kept before the reader's display mode is filled in (display.ts runs after,
 * on hits too), so one entry serves every display mode; its ETag names the mode.
 *
 * When it is stale: every request first reads `public_content_version` (one row; triggers raise
 * it on every publication, correction, withdrawal, category, setting, annual report and agency
 * change, whoever writes it — migration 2026-12-07-i20-01). A moved version drops every page of
 * this process, so a publication in one worker or on another node is on the very next page
 * served anywhere. Besides, what is public also moves with the clock: a scheduled publication
 * turns public at its instant without a write, and validity (尚未生效/已失效) turns at midnight in
 * Shanghai. So the pages are also dropped when the earliest scheduled publication instant has
 * passed or the date has changed.
 *
 * Never cached: the application form and the tracking page (a per-reader CSRF token and a
 * cookie; they are not marked and send `no-store`), attachments (large files), error pages.
 * A response that sets a cookie or says private/no-store is refused even on a marked route.
 *
 * `X-Cache: hit` or `miss` says whether this process rendered the page (for operators and tests).
 *
 * For caches in front: `ETag` on every public page (also with the cache off), `304 Not Modified`
 * on a matching `If-None-Match`, and `Cache-Control: public, max-age=0, s-maxage=…,
 * stale-while-revalidate=…` (configuration.md). Browsers revalidate on every view; nginx or a CDN
 * may answer for `s-maxage` seconds, which then is how late a publication may show there.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import { displayValue, readerDisplay } from './display.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page: the same for every reader, cached (page-cache.ts). */
    publicPage?: boolean;
  }
}

interface Entry {
  contentType: string;
  /** Other headers the page needs (a download's Content-Disposition). */
  headers: Array<[string, string]>;
  body: string | Buffer;
  hash: string;
  bytes: number;
}

/** The pages of one content version, date and scheduled-publication horizon. */
class Generation {
  readonly entries = new Map<string, Entry>();
  bytes = 0;
  constructor(
    readonly version: number,
    readonly today: string,
    /** The earliest scheduled publication instant after this generation began (ISO), or null. */
    readonly nextAt: string | null,
  ) {}

  fresh(version: number, nowIso: string, today: string): boolean {
    return this.version === version && this.today === today && (this.nextAt === null || nowIso < this.nextAt);
  }
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  notModified: number;
  /** Times the pages were dropped (content version, date or a scheduled publication). */
  generations: number;
  entries: number;
  bytes: number;
}

const PUBLIC_STATES = ['published', 'withdrawn'] as const;

export class PublicPageCache {
  private gen: Generation | null = null;
  private readonly siteTag: string;
  readonly stats: Omit<PageCacheStats, 'entries' | 'bytes'> = { hits: 0, misses: 0, notModified: 0, generations: 0 };
  private readonly pending = new WeakMap<FastifyRequest, { gen: Generation | null; key: string; hit: boolean }>();

  constructor(
    private readonly db: DbOrTx,
    private readonly clock: Clock,
    private readonly options: Config['pageCache'],
    site: Config['site'],
  ) {
    // The footer comes from the configuration: a changed footer is a new ETag.
    this.siteTag = createHash('sha1').update(JSON.stringify(site)).digest('base64url').slice(0, 6);
  }

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, entries: this.gen?.entries.size ?? 0, bytes: this.gen?.bytes ?? 0 };
  }

  /** The pages valid now: the current generation, or a new empty one when anything moved. */
  async current(): Promise<Generation> {
    const row = await this.db
      .selectFrom('public_content_version')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const version = Number(row.version);
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const today = shanghaiDate(now);
    const gen = this.gen;
    if (gen && gen.fresh(version, nowIso, today)) return gen;
    // Read after the version: an item scheduled in between also raised the version, so the next
    // request starts another generation anyway.
    const next = await this.db
      .selectFrom('catalog_item')
      .select((eb) => eb.fn.min('published_at').as('next'))
      .where('published_at', '>', nowIso)
      .where('status', 'in', PUBLIC_STATES)
      .executeTakeFirst();
    const fresh = new Generation(version, today, next?.next ?? null);
    // Two requests may race here; the one with the older version keeps its generation to itself.
    if (!this.gen || version >= this.gen.version) {
      this.gen = fresh;
      this.stats.generations++;
    }
    return fresh;
  }

  private etag(entryHash: string, request: FastifyRequest): string {
    return `"${entryHash}-${displayValue(readerDisplay(request.query, request.cookies))}-${this.siteTag}"`;
  }

  private cacheControl(reply: FastifyReply): void {
    const { sharedMaxAge, staleWhileRevalidate } = this.options;
    reply.header(
      'cache-control',
      `public, max-age=0, s-maxage=${sharedMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`,
    );
  }

  /** Adds the two hooks to the portal plugin; register before any hook that personalizes the page. */
  register(app: FastifyInstance): void {
    // preHandler: after the rate limit (onRequest), so cached pages still count.
    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config.publicPage) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const key = `${request.protocol}://${request.host}${request.url}`;
      if (!this.enabled) {
        this.pending.set(request, { gen: null, key, hit: false });
        return;
      }
      const gen = await this.current();
      const entry = gen.entries.get(key);
      if (!entry) {
        this.stats.misses++;
        this.pending.set(request, { gen, key, hit: false });
        return;
      }
      // Least recently used last.
      gen.entries.delete(key);
      gen.entries.set(key, entry);
      this.pending.set(request, { gen, key, hit: true });
      const etag = this.etag(entry.hash, request);
      this.cacheControl(reply);
      reply.header('etag', etag).header('x-cache', 'hit');
      if (matches(request.headers['if-none-match'], etag)) {
        this.stats.notModified++;
        // The page varies by the display cookie; a 304 says so too (display.ts sets it on pages).
        if (entry.contentType.startsWith('text/html')) reply.header('vary', 'Cookie');
        return reply.code(304).send('');
      }
      this.stats.hits++;
      for (const [name, value] of entry.headers) reply.header(name, value);
      return reply.code(200).type(entry.contentType).send(entry.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const p = this.pending.get(request);
      if (!p || p.hit || reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const control = String(reply.getHeader('cache-control') ?? '');
      if (reply.getHeader('set-cookie') !== undefined || /private|no-store/.test(control)) return payload;
      const hash = createHash('sha1').update(payload).digest('base64url').slice(0, 16);
      const etag = this.etag(hash, request);
      this.cacheControl(reply);
      reply.header('etag', etag);
      if (p.gen) reply.header('x-cache', 'miss');
      if (p.gen && request.method === 'GET') {
        const disposition = reply.getHeader('content-disposition');
        const entry: Entry = {
          contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
          headers: disposition ? [['content-disposition', String(disposition)]] : [],
          body: payload,
          hash,
          bytes: typeof payload === 'string' ? payload.length * 2 + 200 : payload.length + 200,
        };
        this.store(p.gen, p.key, entry);
      }
      if (matches(request.headers['if-none-match'], etag)) {
        this.stats.notModified++;
        reply.code(304);
        return '';
      }
      return payload;
    });
  }

  private store(gen: Generation, key: string, entry: Entry): void {
    // A generation replaced while the page rendered is not the current one any more: its pages
    // may predate the change, and nobody reads them again.
    if (gen !== this.gen) return;
    // One page may take at most an eighth of the budget (an annual report's PDF, a long search).
    if (entry.bytes > this.options.maxBytes / 8) return;
    const old = gen.entries.get(key);
    if (old) gen.bytes -= old.bytes;
    gen.entries.delete(key);
    gen.entries.set(key, entry);
    gen.bytes += entry.bytes;
    for (const [k, e] of gen.entries) {
      if (gen.bytes <= this.options.maxBytes) break;
      gen.entries.delete(k);
      gen.bytes -= e.bytes;
    }
  }
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const list = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim());
  return list.some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}
