/**
 * Benchmark of the working-day engine (issue 3: 1,000,000 addWorkingDays(date, 20) calls in
 * well under a second). Run: `npx tsx bench/clock.bench.ts`. Prints one markdown table row
 * for docs/benchmarks.md. A benchmark, not a test: it asserts nothing.
 */
import { Calendar } from '../src/domain/calendar/calendar.ts';
import { loadBundledYears } from '../src/domain/calendar/bundled.ts';
import { dayNumberOf, formatIsoDate } from '../src/domain/calendar/dates.ts';

const CALLS = 1_000_000;
const calendar = Calendar.fromYears(loadBundledYears());

// 1,000 different start dates spread over 2007–2026 (strings, as the API takes them).
const first = dayNumberOf(2007, 1, 1);
const span = dayNumberOf(2026, 11, 30) - first;
const dates = Array.from({ length: 1000 }, (_, i) => formatIsoDate(first + Math.floor((i * span) / 1000)));

function run(calls: number): { ms: number; checksum: number } {
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const due = calendar.addWorkingDays(dates[i % dates.length] as string, 20);
    checksum += due.charCodeAt(9);
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, checksum };
}

run(100_000); // warm-up: let the JIT settle
const best = [run(CALLS), run(CALLS), run(CALLS)].sort((a, b) => a.ms - b.ms)[0] as { ms: number; checksum: number };
const nsPerCall = (best.ms * 1e6) / CALLS;
process.stdout.write(
  `| 1,000,000 × addWorkingDays(date, 20), 1,000 start dates 2007–2026 | ${best.ms.toFixed(0)} ms | ${nsPerCall.toFixed(0)} ns | best of 3 after warm-up (checksum ${best.checksum}) |\n`,
);
