/**
 * The three real published reports of ../shared/samples/reports/, committed byte for byte under
 * test/fixtures/reports/samples/ so that every test runs in a checkout without ../shared.
 * samples.copy.test.ts checks that the copies still equal the originals when both are present.
 */
import { resolve } from 'node:path';

export const SAMPLES_DIR = resolve(import.meta.dirname, '../fixtures/reports/samples');
/** The originals, when the workspace has them beside the checkout. */
export const SHARED_SAMPLES_DIR = resolve(import.meta.dirname, '../../../shared/samples/reports');
export const SAMPLE_FILES = ['2020-luojiang-gxj.txt', '2021-pingtan-zhsyq.txt', '2023-shuyang-fgj.html'] as const;
