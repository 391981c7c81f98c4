// The default command table: what a RUN line can call before any package is installed.
import type { ShellFlavor } from '../state';
import type { CommandTable } from '../types';
import { chmod, chown } from './chmod';
import { cp, mv } from './cpmv';
import { dashEcho, echo } from './echo';
import { grep } from './grep';
import { env, id, pwd, whoami } from './info';
import { ln } from './ln';
import { ls } from './ls';
import { basename, dirname, falseCommand, sleep, trueCommand, which } from './misc';
import { mkdir, touch } from './mkdir';
import { printf } from './printf';
import { rm } from './rm';
import { sed } from './sed';
import { sh } from './sh';
import { bracket, test } from './test';
import { cat, head, tail, wc } from './text';

/**
 * defaultCommands: a fresh table of the built-in commands; `echo` follows the flavor (dash's
 * echo always expands backslash escapes and has no -e).
 *
 * @example
 * const table = defaultCommands('ash'); Object.keys(table).includes('sed') // → true
 */
export function defaultCommands(flavor: ShellFlavor = 'dash'): CommandTable {
  return {
    echo: flavor === 'dash' ? dashEcho : echo, printf, test, '[': bracket, true: trueCommand, false: falseCommand,
    pwd, cat, head, tail, wc, mkdir, touch, rm, cp, mv, ln, chmod, chown, sed, grep, ls,
    whoami, id, env, sh, bash: sh, sleep, which, basename, dirname,
  };
}

/**
 * mergeCommands: one table from several; later tables win (so a package module can add `apk`
 * or replace `ls`).
 *
 * @example
 * const shout: Command = (ctx) => { ctx.stdout(ctx.args.join(' ').toUpperCase() + '\n'); return 0; };
 * const commands = mergeCommands(defaultCommands(), { echo: shout }); // the later table wins
 * runShell('echo hi', { fs: mountLayers([{ name: 'base', files: {} }]).m, commands }).stdout // → HI
 */
export function mergeCommands(...tables: CommandTable[]): CommandTable {
  return Object.assign({}, ...tables) as CommandTable;
}
