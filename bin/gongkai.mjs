#!/usr/bin/env node
// The `gongkai` command. Source is TypeScript, loaded through tsx so that a fresh checkout
// needs no build step: `npm ci && npx gongkai --help` works as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
