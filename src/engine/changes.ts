// `docker diff`: what a container changed, found the way overlay2's naive diff finds it — by
// comparing the container's merged view with the view of its init layer and image, path by path
// (go-archive changes.go ChangesDirs; formats.md 1.6).
import type { OverlayMount } from '../overlay/mount';
import type { Stats } from '../overlay/stats';
import type { Change } from '../render/types';

/**
 * changesBetween lists A/C/D changes of `after` relative to `before`. A file is changed when mode,
 * owner, rdev, size or mtime differ; a directory also when anything inside it changed (listed
 * before its children, as addChanges does). Sorted by path: Docker's sibling order is a Go map's.
 */
export function changesBetween(after: OverlayMount, before: OverlayMount): Change[] {
  const changes: Change[] = [];
  walk(after, before, '/', changes);
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(after: OverlayMount, before: OverlayMount, dir: string, changes: Change[]): void {
  const now = new Set(names(after, dir));
  const then = names(before, dir);
  for (const name of then) if (!now.has(name)) changes.push({ kind: 'D', path: join(dir, name) });
  for (const name of now) {
    const path = join(dir, name);
    const a = after.lstatSync(path)!;
    const b = before.lstatSync(path, { throwIfNoEntry: false });
    if (!b) {
      changes.push({ kind: 'A', path });
      if (a.isDirectory()) walk(after, before, path, changes);   // everything inside is added too
      continue;
    }
    const mark = changes.length;
    if (a.isDirectory() && b.isDirectory()) walk(after, before, path, changes);
    if (different(a, b) || (a.isDirectory() && changes.length > mark)) changes.splice(mark, 0, { kind: 'C', path });
  }
}

function names(mount: OverlayMount, dir: string): string[] {
  try {
    return (mount.readdirSync(dir) as string[]).filter((name) => mount.lstatSync(join(dir, name), { throwIfNoEntry: false }) !== undefined);
  } catch {
    return [];
  }
}

function different(a: Stats, b: Stats): boolean {
  return a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.rdev !== b.rdev
    || (!a.isDirectory() && a.size !== b.size) || Math.floor(a.mtimeMs / 1000) !== Math.floor(b.mtimeMs / 1000);
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
