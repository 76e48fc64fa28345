import type { Clock } from '../../src/domain/time.ts';

/** A clock that stands still until told to move: deterministic time for tests. */
export class TestClock implements Clock {
  private current: Date;
  constructor(iso = '2026-03-02T02:00:00Z') {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
