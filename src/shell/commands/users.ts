// Users and groups come from the container's own /etc/passwd and /etc/group, not the host's:
// that is why `chown app:app` fails in an image that never ran `adduser app`.
import type { ShellFs } from '../types';

/** PasswdEntry: one line of /etc/passwd. */
export interface PasswdEntry { name: string; uid: number; gid: number; home: string; shell: string }
/** GroupEntry: one line of /etc/group. */
export interface GroupEntry { name: string; gid: number; members: string[] }

/**
 * readPasswd: the entries of /etc/passwd in `fs` (none if the file is missing).
 *
 * @example
 * readPasswd(fs)[0] // { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }
 */
export function readPasswd(fs: ShellFs): PasswdEntry[] {
  return readLines(fs, '/etc/passwd').map((f) => ({ name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '', shell: f[6] ?? '' }));
}

/** readGroups: the entries of /etc/group in `fs`. */
export function readGroups(fs: ShellFs): GroupEntry[] {
  return readLines(fs, '/etc/group').map((f) => ({ name: f[0], gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

function readLines(fs: ShellFs, path: string): string[][] {
  let text = '';
  try {
    text = fs.readFileSync(path).toString();
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':')).filter((f) => f.length >= 3);
}

/** userName: the name of `uid`, or undefined if /etc/passwd does not list it. */
export function userName(fs: ShellFs, uid: number): string | undefined {
  return readPasswd(fs).find((u) => u.uid === uid)?.name;
}

/** groupName: the name of `gid`, or undefined if /etc/group does not list it. */
export function groupName(fs: ShellFs, gid: number): string | undefined {
  return readGroups(fs).find((g) => g.gid === gid)?.name;
}
