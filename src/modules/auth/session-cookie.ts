/** Name of the console's session cookie (HttpOnly, SameSite=Strict; docs/security.md). */
export const SESSION_COOKIE = 'gk_session';
