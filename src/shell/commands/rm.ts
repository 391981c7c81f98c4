// rm, with GNU's refusals: `rm -rf /` needs --no-preserve-root, and `.` / `..` are skipped.
import { posix } from 'node:path';
import type { Command, CommandContext } from '../types';
import { removeTree } from './tree';
import { attempt, fsError, parseOptions, quote, resolvePath, statOf, usageError } from './util';

interface RmOptions { recursive: boolean; force: boolean; dir: boolean; preserveRoot: boolean }

/**
 * rm: removes files; `-r` removes directories with their contents, `-f` ignores missing files.
 *
 * @example
 * // in the shell: rm -rf /var/lib/apt/lists/*
 */
export const rm: Command = (ctx) => {
  const opts = parseOptions(ctx.args, {
    flags: 'rRfdvi',
    long: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v', 'no-preserve-root': 'no-preserve-root', 'preserve-root': 'preserve-root' },
  });
  if (opts.error) return usageError(ctx, 'rm', opts.error);
  const flags = opts.flags;
  const options = { recursive: flags.has('r') || flags.has('R'), force: flags.has('f'), dir: flags.has('d'), preserveRoot: !flags.has('no-preserve-root') };
  if (!opts.operands.length) return options.force ? 0 : usageError(ctx, 'rm', 'missing operand');
  return opts.operands.reduce((status, operand) => Math.max(status, removeOne(ctx, operand, options)), 0);
};

function removeOne(ctx: CommandContext, operand: string, options: RmOptions): number {
  const path = resolvePath(ctx, operand);
  if (options.recursive && options.preserveRoot && path === '/') {
    ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
    return 1;
  }
  if (['.', '..'].includes(posix.basename(operand))) {
    ctx.stderr(`rm: refusing to remove '.' or '..' directory: skipping ${quote(operand)}\n`);
    return 1;
  }
  const stats = statOf(ctx, path, false);
  if (!stats) return options.force ? 0 : report(ctx, operand, 'ENOENT');
  if (!stats.isDirectory()) return report(ctx, operand, attempt(() => ctx.fs.unlinkSync(path)));
  if (options.recursive) {
    const problems = removeTree(ctx, path, operand);
    problems.forEach((p) => report(ctx, p.display, p.code));
    return problems.length ? 1 : 0;
  }
  if (options.dir) return report(ctx, operand, attempt(() => ctx.fs.rmdirSync(path)));
  return report(ctx, operand, 'EISDIR');
}

function report(ctx: CommandContext, display: string, code: string | undefined): number {
  if (!code) return 0;
  ctx.stderr(`rm: cannot remove ${quote(display)}: ${fsError({ code })}\n`);
  return 1;
}
