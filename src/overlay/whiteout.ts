// Whiteouts: how an overlay remembers that a lower name was deleted (spec 1.5).
// In the upper directory a whiteout is a character device 0:0, mode 0000, owned by the mounter.
// Since Linux 5.8 the ones made by unlink/rmdir are hard links of one shared inode that the mount
// keeps in `<workdir>/work/#<hex>` (C07); the one left behind by rename is a fresh inode (E01).
import type { Inode } from './tree';
import type { Stack } from './stack';
import { addEntry, replaceEntry } from './entries';

/** newWhiteoutInode: a fresh `c--------- 0:0` on the upper's disk. */
function newWhiteoutInode(upperDir: Inode): Inode {
  return upperDir.disk.newInode('char', 0, 0, 0);
}

/** tempName: the kernel's `#<hex>` names for objects in the scratch directory. */
export function tempName(stack: Stack): string {
  return `#${(stack.tempId++).toString(16)}`;
}

/** sharedWhiteout returns the mount's shared whiteout inode, creating `work/work/#<hex>` on first use. */
function sharedWhiteout(stack: Stack, upperDir: Inode): Inode {
  if (stack.sharedWhiteout && stack.sharedWhiteout.nlink > 0) return stack.sharedWhiteout;
  const inode = newWhiteoutInode(upperDir);
  if (stack.scratch) addEntry(stack.scratch, tempName(stack), inode);
  stack.sharedWhiteout = inode;
  return inode;
}

/**
 * putWhiteout records the deletion of `name` in the upper directory `upperDir`, replacing whatever
 * upper entry was there. `shared` (unlink, rmdir) links the shared whiteout; rename makes its own.
 */
export function putWhiteout(stack: Stack, upperDir: Inode, name: string, shared: boolean): void {
  if (shared && stack.scratch) {
    const inode = sharedWhiteout(stack, upperDir);
    inode.nlink++;
    replaceEntry(upperDir, name, inode);
    return;
  }
  replaceEntry(upperDir, name, newWhiteoutInode(upperDir));
}
