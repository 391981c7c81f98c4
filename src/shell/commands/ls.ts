// ls: enough for lessons: -l (long), -a/-A (dotfiles), -1, -d, -n (numeric ids), -h (human
// sizes). Output is never a terminal here, so names come one per line, as in `docker run … ls`.
import { posix } from 'node:path';
import type { Stats } from 'node:fs';
import { byteOrder } from '../glob';
import type { Command, CommandContext } from '../types';
import { formatLong } from './lsLong';
import { childrenOf } from './tree';
import { parseOptions, quote, resolvePath, statOf, usageError } from './util';

/** Listed: one entry to print: its name as shown, and its lstat. */
export interface Listed { name: string; path: string; stats: Stats }

/**
 * ls: lists directories and files; exit status 2 if an operand does not exist.
 *
 * @example
 * // in the shell: ls -la /app
 */
export const ls: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'laA1dnhFC', long: { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h' } });
  if (opts.error) return usageError(ctx, 'ls', opts.error, 2);
  const flags = opts.flags;
  const long = flags.has('l') || flags.has('n');
  const operands = opts.operands.length ? [...opts.operands].sort(byteOrder) : ['.'];
  let status = 0;
  const files: Listed[] = [];
  const dirs: Listed[] = [];
  for (const name of operands) {
    const path = resolvePath(ctx, name);
    const stats = statOf(ctx, path, !long && !flags.has('d')) ?? statOf(ctx, path, false);
    if (!stats) { ctx.stderr(`ls: cannot access ${quote(name)}: No such file or directory\n`); status = 2; continue; }
    (stats.isDirectory() && !flags.has('d') ? dirs : files).push({ name, path, stats });
  }
  const blocks: string[] = [];
  if (files.length) blocks.push(render(ctx, files, flags, false));
  for (const dir of dirs) {
    const header = operands.length > 1 ? `${dir.name}:\n` : '';
    blocks.push(header + render(ctx, entriesOf(ctx, dir.path, flags), flags, true));
  }
  ctx.stdout(blocks.join('\n'));
  return status;
};

function entriesOf(ctx: CommandContext, dir: string, flags: Set<string>): Listed[] {
  const names = childrenOf(ctx, dir).map((c) => c.name).filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'));
  const all = flags.has('a') ? ['.', '..', ...names] : names;
  return all.sort(byteOrder).flatMap((name) => {
    const path = posix.join(dir, name);
    const stats = statOf(ctx, path, false);
    return stats ? [{ name, path, stats }] : [];
  });
}

function render(ctx: CommandContext, entries: Listed[], flags: Set<string>, withTotal: boolean): string {
  if (!flags.has('l') && !flags.has('n')) return entries.map((e) => e.name + suffix(e, flags) + '\n').join('');
  return formatLong(ctx, entries, { numeric: flags.has('n'), human: flags.has('h'), withTotal });
}

function suffix(entry: Listed, flags: Set<string>): string {
  if (!flags.has('F')) return '';
  if (entry.stats.isDirectory()) return '/';
  if (entry.stats.isSymbolicLink()) return '@';
  return (entry.stats.mode & 0o111) !== 0 ? '*' : '';
}
