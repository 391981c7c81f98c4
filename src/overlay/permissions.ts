// Permission checks, made on the overlay inode with the caller's credentials *before* anything is
// copied up (spec 1.4 "Permissions", B18). Root passes read/write checks (CAP_DAC_OVERRIDE) but
// still needs some execute bit to execute a file.
import type { Inode } from './tree';
import type { Credentials } from './stack';

export const R = 4;
export const W = 2;
export const X = 1;

/** mayAccess: whether `creds` may access `inode` with the `want` bits (R|W|X). */
export function mayAccess(inode: Inode, creds: Credentials, want: number): boolean {
  if (creds.uid === 0) {
    const needsExec = (want & X) !== 0 && inode.type !== 'dir';
    return !needsExec || (inode.mode & 0o111) !== 0;
  }
  let bits: number;
  if (creds.uid === inode.uid) bits = (inode.mode >> 6) & 7;
  else if (creds.gid === inode.gid || (creds.groups ?? []).includes(inode.gid)) bits = (inode.mode >> 3) & 7;
  else bits = inode.mode & 7;
  return (bits & want) === want;
}

/** isOwnerOrRoot: who may chmod, set explicit times or change xattrs of an inode. */
export function isOwnerOrRoot(inode: Inode, creds: Credentials): boolean {
  return creds.uid === 0 || creds.uid === inode.uid;
}

/**
 * deleteDenied: why `creds` may not remove `victim` from `dir`, or undefined when they may:
 * EACCES without write+search on the directory, EPERM for the sticky-bit rule (only owners delete
 * in a directory like /tmp), as may_delete() answers.
 */
export function deleteDenied(dir: Inode, victim: Inode, creds: Credentials): 'EACCES' | 'EPERM' | undefined {
  if (!mayAccess(dir, creds, W | X)) return 'EACCES';
  if ((dir.mode & 0o1000) === 0 || creds.uid === 0) return undefined;
  return creds.uid === victim.uid || creds.uid === dir.uid ? undefined : 'EPERM';
}
