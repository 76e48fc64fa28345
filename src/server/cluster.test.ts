import { describe, expect, it } from 'vitest';
import { defaultWorkers, RateLimitCounters } from './cluster.ts';

describe('the primary’s rate-limit counters', () => {
  it('count per key within a fixed window and start again after it', () => {
    const c = new RateLimitCounters();
    expect(c.incr('GET/-1.2.3.4', 60_000, 2, false, 1_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(c.incr('GET/-1.2.3.4', 60_000, 2, false, 11_000)).toEqual({ current: 2, ttl: 50_000 });
    expect(c.incr('GET/-1.2.3.4', 60_000, 2, false, 21_000)).toEqual({ current: 3, ttl: 40_000 });
    // Another client, another route: counted apart.
    expect(c.incr('GET/-5.6.7.8', 60_000, 2, false, 21_000).current).toBe(1);
    expect(c.incr('GET/x-1.2.3.4', 60_000, 2, false, 21_000).current).toBe(1);
    expect(c.incr('GET/-1.2.3.4', 60_000, 2, false, 61_000)).toEqual({ current: 1, ttl: 60_000 });
  });

  it('with continueExceeding, a client over the limit restarts its window', () => {
    const c = new RateLimitCounters();
    c.incr('k', 1_000, 1, true, 0);
    expect(c.incr('k', 1_000, 1, true, 900)).toEqual({ current: 2, ttl: 1_000 });
    expect(c.incr('k', 1_000, 1, true, 1_500).current).toBe(3);
  });

  it('forget expired windows', () => {
    const c = new RateLimitCounters();
    c.incr('a', 1_000, 5, false, 0);
    c.incr('b', 1_000, 5, false, 0);
    c.incr('c', 1_000, 5, false, 70_000);
    expect(c.size).toBe(1);
  });

  it('default to every core in production, one elsewhere', () => {
    expect(defaultWorkers('development')).toBe(1);
    expect(defaultWorkers('production')).toBeGreaterThanOrEqual(1);
  });
});
