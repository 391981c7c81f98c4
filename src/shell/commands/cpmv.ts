// cp and mv: the operand rules they share (the last operand is the target; with several sources
// or an existing directory, entries go *into* it), and mv's fallback to copy-and-delete when
// rename(2) says EXDEV, which is what overlayfs answers for renaming a lower directory when
// redirect_dir is off (overlayfs.rst, "Renaming directories").
import { posix } from 'node:path';
import type { Command, CommandContext } from '../types';
import { copyEntry, type CopyOptions, type Place } from './copy';
import { removeTree } from './tree';
import { attempt, fsError, parseOptions, quote, resolvePath, statOf, usageError } from './util';

/**
 * cp: copies files; `-r` directories, `-p` keeps mode/owner/times, `-a` = `-dR --preserve=all`.
 *
 * @example
 * // in the shell: cp -a /src/. /app/
 */
export const cp: Command = (ctx) => {
  const opts = parseOptions(ctx.args, {
    flags: 'arRpdPLfnvT',
    long: { archive: 'a', recursive: 'r', 'no-dereference': 'P', dereference: 'L', force: 'f', preserve: 'p', 'no-target-directory': 'T' },
  });
  if (opts.error) return usageError(ctx, 'cp', opts.error);
  const f = opts.flags;
  const recursive = f.has('r') || f.has('R') || f.has('a');
  const options: CopyOptions = {
    recursive,
    preserve: f.has('p') || f.has('a') || opts.values.has('p'),
    dereference: f.has('L') || !(recursive || f.has('P') || f.has('d') || f.has('a')),
  };
  return forEachTarget(ctx, 'cp', opts.operands, f.has('T'), (src, dest) => copyEntry(ctx, 'cp', src, dest, options));
};

/**
 * mv: renames entries; across devices (EXDEV) it copies with everything preserved, then deletes.
 *
 * @example
 * // in the shell: mv /tmp/app-1.2 /opt/app
 */
export const mv: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'fivnT', long: { force: 'f', 'no-target-directory': 'T' } });
  if (opts.error) return usageError(ctx, 'mv', opts.error);
  return forEachTarget(ctx, 'mv', opts.operands, opts.flags.has('T'), (src, dest) => move(ctx, src, dest));
};

function forEachTarget(ctx: CommandContext, cmd: string, operands: string[], noTargetDir: boolean, act: (src: Place, dest: Place) => boolean): number {
  if (operands.length === 0) return usageError(ctx, cmd, 'missing file operand');
  if (operands.length === 1) return usageError(ctx, cmd, `missing destination file operand after ${quote(operands[0])}`);
  const target = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const intoDirectory = !noTargetDir && statOf(ctx, resolvePath(ctx, target))?.isDirectory() === true;
  if (sources.length > 1 && !intoDirectory) {
    ctx.stderr(`${cmd}: target ${quote(target)} is not a directory\n`);
    return 1;
  }
  let ok = true;
  for (const source of sources) {
    const display = intoDirectory ? posix.join(target, posix.basename(source)) : target;
    ok = act({ path: resolvePath(ctx, source), display: source }, { path: resolvePath(ctx, display), display }) && ok;
  }
  return ok ? 0 : 1;
}

function move(ctx: CommandContext, src: Place, dest: Place): boolean {
  const stats = statOf(ctx, src.path, false);
  if (!stats) return complain(ctx, `mv: cannot stat ${quote(src.display)}: ${fsError({ code: 'ENOENT' })}`);
  if (src.path === dest.path) return complain(ctx, `mv: ${quote(src.display)} and ${quote(dest.display)} are the same file`);
  if (dest.path.startsWith(src.path + '/')) {
    return complain(ctx, `mv: cannot move ${quote(src.display)} to a subdirectory of itself, ${quote(dest.display)}`);
  }
  const existing = statOf(ctx, dest.path, false);
  if (existing?.isDirectory() && !stats.isDirectory()) return complain(ctx, `mv: cannot overwrite directory ${quote(dest.display)} with non-directory`);
  const code = attempt(() => ctx.fs.renameSync(src.path, dest.path));
  if (code === 'EXDEV') return copyThenDelete(ctx, src, dest, stats.isDirectory());
  if (code) return complain(ctx, `mv: cannot move ${quote(src.display)} to ${quote(dest.display)}: ${fsError({ code })}`);
  return true;
}

function copyThenDelete(ctx: CommandContext, src: Place, dest: Place, isDirectory: boolean): boolean {
  if (!copyEntry(ctx, 'mv', src, dest, { recursive: true, dereference: false, preserve: true })) return false;
  const problems = isDirectory ? removeTree(ctx, src.path, src.display) : [];
  const code = isDirectory ? undefined : attempt(() => ctx.fs.unlinkSync(src.path));
  if (code) problems.push({ display: src.display, code });
  problems.forEach((p) => complain(ctx, `mv: cannot remove ${quote(p.display)}: ${fsError({ code: p.code })}`));
  return problems.length === 0;
}

function complain(ctx: CommandContext, line: string): false {
  ctx.stderr(line + '\n');
  return false;
}
