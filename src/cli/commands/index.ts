import type { Command } from 'commander';

/** Every command registers itself on the program. Add one line per command file. */
export const commands: Array<(program: Command) => void> = [];
