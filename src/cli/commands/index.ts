// The command table: every `layerlab` subcommand, in the order `layerlab --help` lists them.
// To add one, write commands/NAME.ts exporting a Command and list it here.
import type { Command } from '../command';
import { doctor } from './doctor';
import { efficiency } from './efficiency';
import { exportCommand } from './export';
import { layers } from './layers';
import { scenarios } from './scenarios';
import { buildCommand } from './build';
import { inspectCommand } from './inspect';
import { historyCommand } from './history';
import { treeCommand } from './tree';

/** commands: the subcommands main dispatches to, by `name`. */
export const commands: Command[] = [buildCommand, inspectCommand, historyCommand, treeCommand, layers, efficiency, exportCommand, scenarios, doctor];
