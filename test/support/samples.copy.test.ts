import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SAMPLE_FILES, SAMPLES_DIR, SHARED_SAMPLES_DIR } from './samples.ts';

it.runIf(existsSync(SHARED_SAMPLES_DIR))(
  'the committed sample reports equal the workspace originals byte for byte',
  () => {
    for (const file of SAMPLE_FILES)
      expect(readFileSync(join(SAMPLES_DIR, file)).equals(readFileSync(join(SHARED_SAMPLES_DIR, file))), file).toBe(
        true,
      );
  },
);
