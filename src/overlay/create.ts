// Creating names in the merged view (spec 1.4 "Directories", 1.5 "Re-creating a name", 1.6):
// the parent is copied up first; a new object over a whiteout replaces it — and a directory made
// there is marked opaque, so the deleted lower directory's children stay hidden (D05/D06).
import { Failure, fail } from './errors';
import type { FileType, Inode } from './tree';
import type { Credentials, Node, Stack } from './stack';
import { isMerged, nameChanged, realOf } from './stack';
import { copyUp } from './copy-up';
import { addEntry, replaceEntry } from './entries';
import { isWhiteout } from './real';
import { W, X, mayAccess } from './permissions';
import { createsOpaqueOnMkdir } from './options';

/** NewObject: what to create. `link` makes a hard link to an existing upper inode instead. */
export interface NewObject {
  type: FileType;
  mode: number;
  rdev?: number;
  target?: string;
  link?: Inode;
}

/**
 * createIn creates `name` in the merged directory `parent` (which must not already show that name).
 * Returns the new upper inode.
 */
export function createIn(stack: Stack, parent: Node, name: string, object: NewObject, creds: Credentials): Inode | Failure {
  if (!stack.upper) return fail('EROFS');
  if (!mayAccess(realOf(parent), creds, W | X)) return fail('EACCES');
  const failed = copyUp(stack, parent);
  if (failed) return failed;
  const dir = parent.upper!;
  nameChanged(parent, name);
  const old = dir.entries!.get(name);
  const overWhiteout = old !== undefined && isWhiteout(old, stack.prefix);
  const inode = object.link ?? newInode(dir, object, creds);
  if (object.link) inode.nlink++;
  if (inode.type === 'dir' && (overWhiteout || (createsOpaqueOnMkdir(stack.options) && isMerged(parent)))) {
    inode.xattrs.set(stack.prefix + 'opaque', Buffer.from('y'));
  }
  if (old) replaceEntry(dir, name, inode); else addEntry(dir, name, inode);
  return inode;
}

/** newInode: a new object owned by the caller (overlay creates with the caller's fsuid/fsgid). */
function newInode(dir: Inode, object: NewObject, creds: Credentials): Inode {
  const inode = dir.disk.newInode(object.type, object.mode, creds.uid, creds.gid);
  inode.rdev = object.rdev ?? 0;
  inode.target = object.target;
  return inode;
}
