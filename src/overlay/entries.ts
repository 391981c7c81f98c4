// Directory-entry primitives on a real tree (upper or work): link a name to an inode, unlink it,
// with the link counts and timestamps a real filesystem keeps. The overlay calls these only on its
// upper and work trees; lower trees are frozen and never reach here.
import type { Inode } from './tree';

/** addEntry links `inode` into `dir` as `name` (replacing nothing: the caller removed any old entry). */
export function addEntry(dir: Inode, name: string, inode: Inode): void {
  dir.entries!.set(name, inode);
  if (inode.type === 'dir') {
    dir.nlink++;
    inode.parent = dir;
  }
  touchDir(dir);
}

/** removeEntry unlinks `name` from `dir`; the inode's data is freed when its last link goes. */
export function removeEntry(dir: Inode, name: string): Inode | undefined {
  const inode = dir.entries!.get(name);
  if (!inode) return undefined;
  dir.entries!.delete(name);
  if (inode.type === 'dir') {
    dir.nlink--;
    inode.nlink = 0;
    inode.parent = undefined;
  } else {
    inode.nlink--;
  }
  if (inode.nlink === 0) inode.disk.release(inode);
  touchDir(dir);
  return inode;
}

/** detachEntry takes `name` out of `dir` without dropping the inode: the first half of a move. */
export function detachEntry(dir: Inode, name: string): Inode | undefined {
  const inode = dir.entries!.get(name);
  if (!inode) return undefined;
  dir.entries!.delete(name);
  if (inode.type === 'dir') dir.nlink--;
  touchDir(dir);
  return inode;
}

/** replaceEntry puts `inode` at `name`, dropping whatever was there (rename's overwrite). */
export function replaceEntry(dir: Inode, name: string, inode: Inode): void {
  const old = dir.entries!.get(name);
  if (old) {
    // Keep the entry's position in the raw order, as rename over an existing name does on ext4.
    if (old.type === 'dir') { dir.nlink--; old.nlink = 0; } else old.nlink--;
    if (old.nlink === 0) old.disk.release(old);
    dir.entries!.set(name, inode);
    if (inode.type === 'dir') { dir.nlink++; inode.parent = dir; }
    touchDir(dir);
    return;
  }
  addEntry(dir, name, inode);
}

/** touchDir records a change of a directory's contents (mtime and ctime), as every create/delete does. */
export function touchDir(dir: Inode): void {
  const now = dir.disk.now();
  dir.mtimeMs = now;
  dir.ctimeMs = now;
}

/** isAncestor: whether directory `a` is `b` or contains it (walking `parent` links up from b). */
export function isAncestor(a: Inode, b: Inode | undefined): boolean {
  for (let node = b; node; node = node.parent) if (node === a) return true;
  return false;
}
