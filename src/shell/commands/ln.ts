// ln: hard links and (-s) symbolic links. A symlink's target is stored exactly as typed, which
// is why `ln -s ../lib/x /usr/bin/x` resolves relative to the link's directory, not the cwd.
import { posix } from 'node:path';
import type { Command, CommandContext } from '../types';
import { attempt, fsError, ownByCaller, parseOptions, quote, resolvePath, statOf, usageError } from './util';

interface LnOptions { symbolic: boolean; force: boolean; noDereference: boolean }

/**
 * ln: `ln -s TARGET LINK` makes a symlink, `ln TARGET LINK` a hard link; `-f` replaces an
 * existing LINK; `-n` treats a LINK that is a symlink to a directory as a file (`ln -sfn`).
 *
 * @example
 * // in the shell: ln -sf /usr/bin/python3 /usr/local/bin/python
 */
export const ln: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'sfnvTr', long: { symbolic: 's', force: 'f', 'no-dereference': 'n', 'no-target-directory': 'T' } });
  if (opts.error) return usageError(ctx, 'ln', opts.error);
  const options = { symbolic: opts.flags.has('s'), force: opts.flags.has('f'), noDereference: opts.flags.has('n') || opts.flags.has('T') };
  const operands = opts.operands;
  if (!operands.length) return usageError(ctx, 'ln', 'missing file operand');
  const targets = operands.length === 1 ? operands : operands.slice(0, -1);
  const place = operands.length === 1 ? '.' : operands[operands.length - 1];
  const intoDirectory = isDirectoryTarget(ctx, resolvePath(ctx, place), options.noDereference);
  if (targets.length > 1 && !intoDirectory) {
    ctx.stderr(`ln: target ${quote(place)} is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const target of targets) {
    const link = intoDirectory ? posix.join(place, posix.basename(target)) : place;
    if (!linkOne(ctx, target, link, options)) status = 1;
  }
  return status;
};

// With -n, a symlink pointing at a directory is replaced instead of entered.
function isDirectoryTarget(ctx: CommandContext, path: string, noDereference: boolean): boolean {
  if (noDereference && statOf(ctx, path, false)?.isSymbolicLink()) return false;
  return statOf(ctx, path)?.isDirectory() === true;
}

function linkOne(ctx: CommandContext, target: string, link: string, options: LnOptions): boolean {
  const linkPath = resolvePath(ctx, link);
  const kind = options.symbolic ? 'symbolic link' : 'hard link';
  const sourceStats = options.symbolic ? undefined : statOf(ctx, resolvePath(ctx, target), false);
  if (!options.symbolic && !sourceStats) return complain(ctx, `ln: failed to access ${quote(target)}: ${fsError({ code: 'ENOENT' })}`);
  if (sourceStats?.isDirectory()) return complain(ctx, `ln: ${quote(target)}: hard link not allowed for directory`);
  const existing = statOf(ctx, linkPath, false);
  if (existing && !options.force) return complain(ctx, `ln: failed to create ${kind} ${quote(link)}: ${fsError({ code: 'EEXIST' })}`);
  if (existing?.isDirectory()) return complain(ctx, `ln: ${quote(link)}: cannot overwrite directory`);
  const code = attempt(() => {
    if (existing) ctx.fs.unlinkSync(linkPath);
    if (options.symbolic) ctx.fs.symlinkSync(target, linkPath);
    else ctx.fs.linkSync(resolvePath(ctx, target), linkPath);
  });
  if (code) return complain(ctx, `ln: failed to create ${kind} ${quote(link)}: ${fsError({ code })}`);
  if (options.symbolic) ownByCaller(ctx, linkPath);
  return true;
}

function complain(ctx: CommandContext, line: string): false {
  ctx.stderr(line + '\n');
  return false;
}
