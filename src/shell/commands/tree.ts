// Walking and removing directory trees, shared by rm, mv, chmod -R and chown -R. Dirents tell
// the type without following symlinks, so a symlink to a directory is never descended into.
import { posix } from 'node:path';
import type { CommandContext } from '../types';
import { attempt } from './util';

/** childrenOf: the names in a directory, sorted, or [] if it cannot be read. */
export function childrenOf(ctx: CommandContext, dir: string): { name: string; isDirectory: boolean }[] {
  try {
    return ctx.fs.readdirSync(dir, { withFileTypes: true })
      .map((d) => ({ name: String(d.name), isDirectory: d.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** TreeProblem: an entry that could not be handled, with its display path and errno code. */
export interface TreeProblem { display: string; code: string }

/**
 * removeTree: deletes a directory and everything below it, children first (as rm -r does: in an
 * overlay each deleted lower entry leaves a whiteout). Returns the entries it could not remove.
 *
 * @example
 * removeTree(ctx, '/tmp/build', 'build') // []
 */
export function removeTree(ctx: CommandContext, path: string, display: string): TreeProblem[] {
  const problems: TreeProblem[] = [];
  for (const child of childrenOf(ctx, path)) {
    const childPath = posix.join(path, child.name);
    const childDisplay = posix.join(display, child.name);
    if (child.isDirectory) problems.push(...removeTree(ctx, childPath, childDisplay));
    else {
      const code = attempt(() => ctx.fs.unlinkSync(childPath));
      if (code) problems.push({ display: childDisplay, code });
    }
  }
  const code = problems.length ? undefined : attempt(() => ctx.fs.rmdirSync(path));
  if (code) problems.push({ display, code });
  return problems;
}

/** walkTree: calls `visit` for `path` and, below it, every entry (symlinks not followed). */
export function walkTree(ctx: CommandContext, path: string, display: string, visit: (path: string, display: string) => void): void {
  visit(path, display);
  const stats = ctx.fs.lstatSync(path);
  if (!stats.isDirectory()) return;
  for (const child of childrenOf(ctx, path)) walkTree(ctx, posix.join(path, child.name), posix.join(display, child.name), visit);
}
