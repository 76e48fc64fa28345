/** The throttle keys of a sign-in attempt (src/domain/login-throttle.ts). Usernames are kept only as a hash. */
import { createHash } from 'node:crypto';
import type { ThrottleKey } from './login-throttle.repository.ts';

export const usernameHash = (username: string) =>
  createHash('sha256').update(`gongkai login\0${username.trim().toLowerCase()}`).digest('hex');

export function throttleKeys(username: string, address: string): ThrottleKey[] {
  const u = usernameHash(username);
  return [
    { key: `ua:${u}:${address}`, scope: 'user_address', usernameHash: u, address },
    { key: `u:${u}`, scope: 'user', usernameHash: u, address: null },
    { key: `a:${address}`, scope: 'address', usernameHash: null, address },
  ];
}
