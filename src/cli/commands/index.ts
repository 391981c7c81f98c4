// The command table: every `layerlab` subcommand, in the order `layerlab --help` lists them.
// To add one, write commands/NAME.ts exporting a Command and list it here.
import type { Command } from '../command';
import { doctor } from './doctor';
import { scenarios } from './scenarios';

/** commands: the subcommands main dispatches to, by `name`. */
export const commands: Command[] = [scenarios, doctor];
