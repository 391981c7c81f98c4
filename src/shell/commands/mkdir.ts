// mkdir and touch: commands that create entries. New entries belong to the caller (ctx.uid) and
// get the modes a 022 umask gives (755 for directories, 644 for files).
import { posix } from 'node:path';
import type { Command, CommandContext } from '../types';
import { parseMode } from './mode';
import { attempt, fsError, ownByCaller, parseOptions, quote, resolvePath, statOf, UMASK, usageError } from './util';

/**
 * mkdir: creates directories; `-p` creates missing parents and accepts existing ones, `-m MODE`
 * sets the mode exactly (without the umask).
 *
 * @example
 * // in the shell: mkdir -p -m 700 /srv/app/secrets
 */
export const mkdir: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'pv', withValue: 'm', long: { parents: 'p', mode: 'm', verbose: 'v' } });
  if (opts.error) return usageError(ctx, 'mkdir', opts.error);
  if (!opts.operands.length) return usageError(ctx, 'mkdir', 'missing operand');
  const modeSpec = opts.values.get('m');
  const mode = modeSpec === undefined ? undefined : parseMode(modeSpec)?.(0o777, true);
  if (modeSpec !== undefined && mode === undefined) return usageError(ctx, 'mkdir', `invalid mode ${quote(modeSpec)}`);
  let status = 0;
  for (const operand of opts.operands) {
    const problem = opts.flags.has('p') ? makeParents(ctx, resolvePath(ctx, operand)) : makeOne(ctx, resolvePath(ctx, operand));
    if (problem) { ctx.stderr(`mkdir: cannot create directory ${quote(operand)}: ${problem}\n`); status = 1; continue; }
    if (mode !== undefined) ctx.fs.chmodSync(resolvePath(ctx, operand), mode);
  }
  return status;
};

function makeOne(ctx: CommandContext, path: string): string | undefined {
  const code = attempt(() => ctx.fs.mkdirSync(path, { mode: 0o777 & ~UMASK }));
  if (code) return fsError({ code });
  ownByCaller(ctx, path);
  return undefined;
}

// -p: walk down from / and create what is missing; an existing directory is fine.
function makeParents(ctx: CommandContext, path: string): string | undefined {
  let current = '/';
  for (const part of path.split('/').filter(Boolean)) {
    current = posix.join(current, part);
    const stats = statOf(ctx, current);
    if (stats?.isDirectory()) continue;
    if (stats) return fsError({ code: current === path ? 'EEXIST' : 'ENOTDIR' });
    const problem = makeOne(ctx, current);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * touch: creates an empty file, or only updates the times of an existing one (so in an overlay
 * it changes metadata; it never rewrites the contents). `-c`: do not create.
 *
 * @example
 * // in the shell: touch /var/log/app.log
 */
export const touch: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'acmfh', withValue: 'dtr', long: { 'no-create': 'c', date: 'd', reference: 'r' } });
  if (opts.error) return usageError(ctx, 'touch', opts.error);
  if (!opts.operands.length) return usageError(ctx, 'touch', 'missing file operand');
  const when = timeFor(ctx, opts.values);
  let status = 0;
  for (const operand of opts.operands) {
    const path = resolvePath(ctx, operand);
    const problem = statOf(ctx, path) ? attempt(() => ctx.fs.utimesSync(path, when, when)) : opts.flags.has('c') ? undefined : create(ctx, path);
    if (problem) { ctx.stderr(`touch: cannot touch ${quote(operand)}: ${fsError({ code: problem })}\n`); status = 1; }
  }
  return status;
};

function create(ctx: CommandContext, path: string): string | undefined {
  const code = attempt(() => ctx.fs.writeFileSync(path, '', { mode: 0o666 & ~UMASK, flag: 'a' }));
  if (!code) ownByCaller(ctx, path);
  return code;
}

function timeFor(ctx: CommandContext, values: Map<string, string>): Date {
  const reference = values.get('r');
  const referenceStats = reference === undefined ? undefined : statOf(ctx, resolvePath(ctx, reference));
  if (referenceStats) return referenceStats.mtime;
  const date = values.get('d');
  const parsed = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(parsed) ? new Date(ctx.now ? ctx.now() : Date.now()) : new Date(parsed);
}
