// Copying entries, as cp does it: read the source, write a new file at the target. In an
// overlay the source is only read (no copy-up); the target is created in the upper layer.
import { posix } from 'node:path';
import type { Stats } from 'node:fs';
import type { CommandContext } from '../types';
import { childrenOf } from './tree';
import { attempt, fsError, ownByCaller, quote, statOf, UMASK } from './util';

/** CopyOptions: how cp was asked to copy. */
export interface CopyOptions {
  recursive: boolean;
  /** Follow symlinks in the source (cp without -P/-d/-a, or -L). */
  dereference: boolean;
  /** Keep mode, ownership and times (-p, -a). */
  preserve: boolean;
}

/**
 * copyEntry: copies `src` to `dest` (a file, a symlink, or with `recursive` a whole tree);
 * prints GNU-worded errors with `cmd` as the prefix and returns false if any happened.
 *
 * @example
 * copyEntry(ctx, 'cp', { path: '/a', display: 'a' }, { path: '/b', display: 'b' }, { recursive: true, dereference: false, preserve: true })
 */
export function copyEntry(ctx: CommandContext, cmd: string, src: Place, dest: Place, options: CopyOptions): boolean {
  const stats = statOf(ctx, src.path, options.dereference);
  if (!stats) return complain(ctx, `${cmd}: cannot stat ${quote(src.display)}: ${fsError({ code: 'ENOENT' })}`);
  if (stats.isDirectory()) return copyDirectory(ctx, cmd, src, dest, stats, options);
  const existing = statOf(ctx, dest.path, false);
  if (existing?.isDirectory()) return complain(ctx, `${cmd}: cannot overwrite directory ${quote(dest.display)} with non-directory`);
  const code = stats.isSymbolicLink() ? copySymlink(ctx, src.path, dest.path, existing) : copyFile(ctx, src.path, dest.path, stats, existing);
  if (code) return complain(ctx, `${cmd}: cannot create regular file ${quote(dest.display)}: ${fsError({ code })}`);
  finish(ctx, dest.path, stats, options, !existing);
  return true;
}

/** Place: a path and the way to show it in messages. */
export interface Place { path: string; display: string }

function copyDirectory(ctx: CommandContext, cmd: string, src: Place, dest: Place, stats: Stats, options: CopyOptions): boolean {
  if (!options.recursive) return complain(ctx, `${cmd}: -r not specified; omitting directory ${quote(src.display)}`);
  if (dest.path === src.path || dest.path.startsWith(src.path + '/')) {
    return complain(ctx, `${cmd}: cannot copy a directory, ${quote(src.display)}, into itself, ${quote(dest.display)}`);
  }
  const existing = statOf(ctx, dest.path);
  if (existing && !existing.isDirectory()) return complain(ctx, `${cmd}: cannot overwrite non-directory ${quote(dest.display)} with directory ${quote(src.display)}`);
  const code = existing ? undefined : attempt(() => ctx.fs.mkdirSync(dest.path, { mode: 0o700 | (stats.mode & 0o777) }));
  if (code) return complain(ctx, `${cmd}: cannot create directory ${quote(dest.display)}: ${fsError({ code })}`);
  let ok = true;
  for (const child of childrenOf(ctx, src.path)) {
    const from = { path: posix.join(src.path, child.name), display: posix.join(src.display, child.name) };
    const to = { path: posix.join(dest.path, child.name), display: posix.join(dest.display, child.name) };
    ok = copyEntry(ctx, cmd, from, to, { ...options, dereference: false }) && ok;
  }
  finish(ctx, dest.path, stats, options, !existing);
  return ok;
}

function copySymlink(ctx: CommandContext, src: string, dest: string, existing: Stats | undefined): string | undefined {
  const target = ctx.fs.readlinkSync(src);
  return attempt(() => {
    if (existing) ctx.fs.unlinkSync(dest);
    ctx.fs.symlinkSync(target, dest);
  });
}

// A new file gets the source's permissions minus the umask; an existing target keeps its own.
function copyFile(ctx: CommandContext, src: string, dest: string, stats: Stats, existing: Stats | undefined): string | undefined {
  return attempt(() => {
    const data = ctx.fs.readFileSync(src);
    ctx.fs.writeFileSync(dest, data, existing ? undefined : { mode: stats.mode & 0o777 & ~UMASK });
  });
}

// -p/-a keep mode, owner (only root may give files away) and times; otherwise a new entry
// belongs to the caller. Times of symlinks are left alone (ShellFs has no lutimes).
function finish(ctx: CommandContext, dest: string, stats: Stats, options: CopyOptions, created: boolean): void {
  if (!options.preserve) {
    if (created) ownByCaller(ctx, dest);
    if (created && stats.isDirectory()) ctx.fs.chmodSync(dest, stats.mode & 0o777 & ~UMASK);
    return;
  }
  if (ctx.uid === 0) ctx.fs.lchownSync(dest, stats.uid, stats.gid);
  else if (created) ownByCaller(ctx, dest);
  if (stats.isSymbolicLink()) return;
  ctx.fs.chmodSync(dest, stats.mode & 0o7777);
  ctx.fs.utimesSync(dest, stats.atime, stats.mtime);
}

function complain(ctx: CommandContext, line: string): false {
  ctx.stderr(line + '\n');
  return false;
}
