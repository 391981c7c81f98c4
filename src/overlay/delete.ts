// Deleting names (spec 1.5, 1.8): an upper-only name simply goes; a name that also exists in a
// lower layer leaves a whiteout behind; removing a merged directory first throws away the upper
// directory (and the whiteouts it held) and then leaves one whiteout (D03, D04).
import { Failure, fail } from './errors';
import type { Inode } from './tree';
import type { Credentials, Node, Stack } from './stack';
import { nameChanged, realOf } from './stack';
import { copyUp } from './copy-up';
import { removeEntry } from './entries';
import { lowerPositive } from './lookup';
import { putWhiteout } from './whiteout';
import { readMerged } from './readdir';
import { deleteDenied } from './permissions';

/** removeName deletes `node` (already checked to be the right type) from the merged view. */
export function removeName(stack: Stack, node: Node, creds: Credentials): Failure | undefined {
  if (!stack.upper) return fail('EROFS');
  const parent = node.parent!;
  const denied = deleteDenied(realOf(parent), realOf(node), creds);
  if (denied) return fail(denied);
  const failed = copyUp(stack, parent);
  if (failed) return failed;
  const dir = parent.upper!;
  nameChanged(parent, node.name);
  const needsWhiteout = lowerPositive(stack, parent, node.name);
  if (node.upper && dir.entries!.get(node.name) === node.upper) {
    if (node.upper.type === 'dir') purge(node.upper);
    removeEntry(dir, node.name);
  }
  if (needsWhiteout) putWhiteout(stack, dir, node.name, true);
  return undefined;
}

/** purge empties an upper directory of what it may still hold: whiteouts of lower children. */
function purge(dir: Inode): void {
  for (const name of [...dir.entries!.keys()]) {
    const child = dir.entries!.get(name)!;
    if (child.type === 'dir') purge(child);
    removeEntry(dir, name);
  }
}

/** isEmptyDir: a directory is empty when its *merged* listing shows nothing (D02, D13). */
export function isEmptyDir(stack: Stack, node: Node): boolean {
  return readMerged(stack, node, { filterAlways: true }).length === 0;
}

/** checkRmdir: the errors rmdir(2) gives before anything changes. */
export function checkRmdir(stack: Stack, node: Node): Failure | undefined {
  if (realOf(node).type !== 'dir') return fail('ENOTDIR');
  if (node.path === '') return fail('EBUSY');
  if (!isEmptyDir(stack, node)) return fail('ENOTEMPTY');
  return undefined;
}
