/**
 * The portal's rate limits (docs/configuration.md, 公开页面的访问频率限制). Per client address
 * and minute; an office or a mobile carrier puts hundreds of people behind one NAT address, so
 * reading pages is limited only against floods (GONGKAI_PUBLIC_RATE_LIMIT, 1200), searches —
 * each one queries the index — lower (GONGKAI_SEARCH_RATE_LIMIT, 300) and form submissions and
 * tracking look-ups lowest (GONGKAI_FORM_RATE_LIMIT, 30, against floods and guessing codes).
 * Static files (styles, scripts, the favicon) and pages a cache in front answers (nginx, a CDN)
 * never count: the first are served without a limit, the second never reach the server.
 */
import type { Config } from '../../config/config.ts';

export interface PortalLimits {
  page: { max: number; timeWindow: string };
  search: { max: number; timeWindow: string };
  form: { max: number; timeWindow: string };
}

export function portalLimits(config: Config): PortalLimits {
  const s = config.security;
  return {
    page: { max: s.publicRateLimit, timeWindow: '1 minute' },
    search: { max: s.searchRateLimit, timeWindow: '1 minute' },
    form: { max: s.formRateLimit, timeWindow: '1 minute' },
  };
}
