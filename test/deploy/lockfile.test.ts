/**
 * `npm ci` on a machine whose system Node is 20 prints no EBADENGINE warning (issue 11), and
 * no locked package refuses the Node 24 that `npm ci` brings: the lockfile records, per package,
 * only engine ranges the installing Node satisfies (tools/build/lockfile-engines.mjs, run by
 * `npm run lock` after any dependency change).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { bundledNode, engineFindings, INSTALLING_NODE } from '../../tools/build/lockfile-engines.mjs';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'));

it(`the lockfile gives npm on Node ${INSTALLING_NODE} nothing to warn about, and every package accepts the bundled Node`, () => {
  const pkg = read('package.json');
  const { drop, incompatible } = engineFindings(read('package-lock.json'), bundledNode(pkg));
  expect(incompatible).toEqual([]);
  // Non-empty: a dependency change was locked without `npm run lock`.
  expect(drop).toEqual([]);
  expect(process.versions.node.split('.')[0]).toBe(bundledNode(pkg).split('.')[0]);
});

it('the check would catch a package that excludes the installing Node, and one that excludes the runtime', () => {
  const lock = {
    packages: {
      '': { engines: { node: '>=99' } },
      'node_modules/a': { engines: { node: '>=22' } },
      'node_modules/b': { engines: { node: '>=18' } },
      'node_modules/c': { engines: { node: '<24' } },
    },
  };
  expect(engineFindings(lock, '24.22.3')).toEqual({
    drop: ['node_modules/a'],
    incompatible: ['node_modules/c (engines.node <24)'],
  });
});
