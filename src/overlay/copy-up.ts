// Copy-up: before the first change to a lower object, overlayfs copies it into the upper layer
// (spec 1.4). Ancestors first, top-down, as bare directories; a file with all its data (or, with
// metacopy=on, only its metadata); mode, owner, times and xattrs preserved; `origin` recorded.
import { Failure, fail } from './errors';
import type { Inode } from './tree';
import type { Node, Stack } from './stack';
import { namespaceChanged } from './stack';
import { addEntry } from './entries';
import { originHandle, overlayXattr } from './real';

/**
 * copyUp makes sure `node` has an upper copy. With `data: false` (metadata-only changes such as
 * chmod) and metacopy=on, a file is copied without its data; a later `copyUp` with data completes it.
 * Returns a Failure (EROFS without an upper layer), or undefined on success.
 */
export function copyUp(stack: Stack, node: Node, { data = true, truncate = false }: { data?: boolean; truncate?: boolean } = {}): Failure | undefined {
  if (node.upper) return data ? completeMetacopy(stack, node, truncate) : undefined;
  if (!stack.upper) return fail('EROFS');
  const parent = node.parent!;
  const failed = copyUp(stack, parent);
  if (failed) return failed;
  const parentUpper = parent.upper!;
  const lower = node.lowers[0];
  // The node is updated in place below, so cached lookups stay true — except under index=on,
  // where other names of a lower hard link now resolve to this copy.
  if (stack.options.index) namespaceChanged(stack);
  const upper = copyInode(stack, lower, data, truncate);
  // The copy is made in the workdir and renamed into place, so the parent's mtime is restored (B02).
  const { mtimeMs, ctimeMs } = parentUpper;
  addEntry(parentUpper, node.name, upper);
  parentUpper.mtimeMs = mtimeMs;
  parentUpper.ctimeMs = ctimeMs;
  markImpure(stack, parentUpper);
  node.upper = upper;
  node.identity.upper = upper;
  stack.identities.set(upper, node.identity);
  if (stack.options.index && upper.type === 'file') indexCopy(stack, lower, upper);
  return undefined;
}

/** copyInode: the upper copy of one lower object, without any children. */
function copyInode(stack: Stack, lower: Inode, data: boolean, truncate = false): Inode {
  const disk = stack.upper!.disk;
  const upper = disk.newInode(lower.type, lower.mode, lower.uid, lower.gid);
  upper.rdev = lower.rdev;
  upper.target = lower.target;
  for (const [name, value] of lower.xattrs) {
    // The layers' own bookkeeping (opaque, redirect, origin…) is never copied (B21).
    if (!name.startsWith(stack.prefix)) upper.xattrs.set(name, Buffer.from(value));
  }
  // Opened with O_TRUNC, the copy starts empty: ovl_copy_up_one sets the size to copy to 0 ("maybe
  // truncate regular file"), so no data is copied only to be thrown away.
  if (lower.type === 'file' && !truncate) {
    if (data || !stack.options.metacopy) copyData(lower, upper);
    else {
      // A metacopy file: same size, no data (sparse), data still read from the lower (G11).
      disk.setSize(upper, lower.size);
      upper.xattrs.set(stack.prefix + 'metacopy', Buffer.alloc(0));
    }
  }
  upper.size = lower.type === 'file' && !truncate ? lower.size : upper.size;
  upper.atimeMs = lower.atimeMs;
  upper.mtimeMs = lower.mtimeMs;
  upper.xattrs.set(stack.prefix + 'origin', originHandle(lower));
  return upper;
}

function copyData(lower: Inode, upper: Inode): void {
  if (lower.size > 0) upper.disk.writeData(upper, lower.disk.readData(lower), 0);
}

/**
 * completeMetacopy copies the data of a metacopy-only upper file and drops the marker (G12) —
 * no data for an open with O_TRUNC (ovl_copy_up_meta_inode_data with the size already set to 0).
 */
function completeMetacopy(stack: Stack, node: Node, truncate = false): undefined {
  const upper = node.upper!;
  if (upper.type !== 'file' || overlayXattr(upper, stack.prefix, 'metacopy') === undefined) return undefined;
  const lower = node.lowers[0];
  if (truncate) upper.disk.setSize(upper, 0);
  else if (lower) upper.disk.writeData(upper, lower.disk.readData(lower), 0);
  upper.xattrs.delete(stack.prefix + 'metacopy');
  return undefined;
}

/** markImpure: an upper directory that holds copied-up or moved children says so (spec 1.12). */
export function markImpure(stack: Stack, dir: Inode): void {
  if (!dir.xattrs.has(stack.prefix + 'impure')) dir.xattrs.set(stack.prefix + 'impure', Buffer.from('y'));
}

/**
 * indexCopy (index=on): the copy is also linked as `work/index/<origin handle hex>`, so every other
 * lower hard link of the same inode finds it instead of being copied up apart (C13).
 */
function indexCopy(stack: Stack, lower: Inode, upper: Inode): void {
  stack.index.set(lower.ino, upper);
  const indexDir = stack.work?.entries?.get('index');
  if (!indexDir) return;
  upper.nlink++;
  addEntry(indexDir, originHandle(lower).toString('hex'), upper);
  // "U±n": st_nlink = the upper's link count ± n, so the index link itself is not counted twice.
  const diff = lower.nlink - upper.nlink;
  upper.xattrs.set(stack.prefix + 'nlink', Buffer.from(`U${diff < 0 ? '-' : '+'}${Math.abs(diff)}`));
}
