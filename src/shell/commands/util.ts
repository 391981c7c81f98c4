// Helpers every command uses: option parsing in the GNU getopt style, path resolution against
// the command's cwd, and GNU-style error lines.
import { posix } from 'node:path';
import type { Stats } from 'node:fs';
import { strerror } from '../messages';
import { errorCode } from '../redirect';
import type { CommandContext } from '../types';

/** OptionSpec: which short flags a command accepts; `withValue` ones take an argument (`-m 755`). */
export interface OptionSpec {
  flags: string;
  withValue?: string;
  /** Long options mapped to a short letter (or to themselves, e.g. `no-preserve-root`). */
  long?: Record<string, string>;
  /** Stop at the first operand (like getopt's "+" mode): `env -i cmd -c` leaves `-c` to cmd. */
  inOrder?: boolean;
}

/** ParsedOptions: flags seen, values given, operands left, or the first bad option. */
export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  error?: string;
}

/**
 * parseOptions: GNU getopt-style parsing: `-rf` is `-r -f`, options may follow operands, `--`
 * ends options, and a lone `-` is an operand (stdin).
 *
 * @example
 * parseOptions(['-rf', 'dir'], { flags: 'rf' }).flags.has('r') // true
 */
export function parseOptions(args: string[], spec: OptionSpec): ParsedOptions {
  const out: ParsedOptions = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length && !out.error; i++) {
    const arg = args[i];
    if (arg === '--') { out.operands.push(...args.slice(i + 1)); break; }
    if (arg.startsWith('--')) out.error = parseLong(arg.slice(2), spec, out);
    else if (arg.startsWith('-') && arg.length > 1) i = parseShort(args, i, spec, out);
    else if (spec.inOrder) { out.operands.push(...args.slice(i)); break; }
    else out.operands.push(arg);
  }
  return out;
}

function parseLong(body: string, spec: OptionSpec, out: ParsedOptions): string | undefined {
  const [name, value] = body.split(/=(.*)/s);
  const letter = spec.long?.[name];
  if (letter === undefined) return `unrecognized option '--${name}'`;
  if (value !== undefined) out.values.set(letter, value);
  else out.flags.add(letter);
  return undefined;
}

function parseShort(args: string[], i: number, spec: OptionSpec, out: ParsedOptions): number {
  const arg = args[i];
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j];
    if (spec.withValue?.includes(letter)) {
      const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
      if (value === undefined) out.error = `option requires an argument -- '${letter}'`;
      else out.values.set(letter, value);
      return i;
    }
    if (!spec.flags.includes(letter)) { out.error = `invalid option -- '${letter}'`; return i; }
    out.flags.add(letter);
  }
  return i;
}

/** usageError: prints getopt's complaint and GNU's "Try …" hint; returns `status`. */
export function usageError(ctx: CommandContext, command: string, message: string, status = 1): number {
  ctx.stderr(`${command}: ${message}\nTry '${command} --help' for more information.\n`);
  return status;
}

/** resolvePath: an operand as an absolute path inside the container. */
export function resolvePath(ctx: Pick<CommandContext, 'cwd'>, path: string): string {
  return posix.resolve(ctx.cwd, path);
}

/** fsError: the C library's text for an fs error, e.g. `No such file or directory`. */
export function fsError(error: unknown): string {
  return strerror(errorCode(error));
}

/** statOf: `statSync` (or `lstatSync`) that returns undefined instead of throwing. */
export function statOf(ctx: Pick<CommandContext, 'fs'>, path: string, follow = true): Stats | undefined {
  try {
    return follow ? ctx.fs.statSync(path) : ctx.fs.lstatSync(path);
  } catch {
    return undefined;
  }
}

/** attempt: runs an fs call; returns undefined on success or the errno code on failure. */
export function attempt(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return errorCode(error);
  }
}

/** ownByCaller: gives a file the command just created to the calling user (ctx.uid/gid). */
export function ownByCaller(ctx: CommandContext, path: string): void {
  const stats = statOf(ctx, path, false);
  if (stats && (stats.uid !== ctx.uid || stats.gid !== ctx.gid)) ctx.fs.lchownSync(path, ctx.uid, ctx.gid);
}

/** UMASK: the umask RUN steps run with (Docker's default), so new files are 644 and dirs 755. */
export const UMASK = 0o022;

/** quote: an operand as GNU tools quote it in messages (`'name'`). */
export function quote(name: string): string {
  return `'${name}'`;
}
