// Writing a simulated directory tree to a real directory — the one place layerlab touches the
// host's filesystem for an image. Untrusted names are checked before use, every parent is a
// directory this code just made (so no symlink can redirect a write), and nothing is followed:
// lchown, lutimes, no chmod on symlinks. Node has no mknod or setxattr, so whiteouts (char 0:0),
// other special files and xattrs are made by one /usr/bin/python3 call over a JSON list.
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lchownSync, lutimesSync, chmodSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Inode } from '../overlay/tree';
import { major, minor } from '../overlay/tree';
import { MaterializeError } from './errors';

/** SpecialOp: what python makes — a device or fifo node, or one extended attribute. */
type SpecialOp =
  | { op: 'mknod'; path: string; type: 'char' | 'block' | 'fifo'; mode: number; major: number; minor: number }
  | { op: 'setxattr'; path: string; name: string; value: string };

const PYTHON_SCRIPT = [
  'import base64, json, os, stat, sys',
  "kinds = {'char': stat.S_IFCHR, 'block': stat.S_IFBLK, 'fifo': stat.S_IFIFO}",
  'for op in json.load(sys.stdin):',
  "    if op['op'] == 'mknod':",
  "        os.mknod(op['path'], kinds[op['type']] | op['mode'], os.makedev(op['major'], op['minor']))",
  '    else:',
  "        os.setxattr(op['path'], op['name'], base64.b64decode(op['value']), follow_symlinks=False)",
].join('\n');

/**
 * KEPT_XATTRS decides which extended attributes reach the real directory. `trusted.overlay.opaque`
 * must (it is how overlay2 stores an opaque directory); other `trusted.overlay.*` names would
 * steer the real kernel (redirects, metacopy) and `trusted.*`/`security.*` other than file
 * capabilities are host policy, so an untrusted layer may not set them.
 *
 * @example
 * keptXattr('trusted.overlay.redirect') // false
 */
export function keptXattr(name: string): boolean {
  return name === 'trusted.overlay.opaque' || name === 'security.capability' || name.startsWith('user.');
}

/**
 * insidePath joins `root` and checked names, refusing any name that could leave `root`.
 *
 * @example
 * insidePath('/tmp/t', ['etc', 'passwd']) // '/tmp/t/etc/passwd'
 */
export function insidePath(root: string, names: string[]): string {
  for (const name of names) {
    if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) {
      throw new MaterializeError({ path: names.join('/'), reason: `the name '${name}' could leave the target directory` });
    }
  }
  const path = resolve(root, ...names);
  if (path !== resolve(root) && !path.startsWith(resolve(root) + sep)) throw new MaterializeError({ path, reason: 'it resolves outside the target directory' });
  return path;
}

/**
 * writeTree writes the tree under `dir` (which must exist and be empty) into `target`. Hard
 * links stay hard links; devices other than whiteouts are refused unless `allowDevices`.
 *
 * @example
 * mkdirSync('/tmp/x/diff', { recursive: true }); writeTree(layer.tree.root, '/tmp/x/diff');
 */
export function writeTree(dir: Inode, target: string, { allowDevices = false }: { allowDevices?: boolean } = {}): void {
  const special: SpecialOp[] = [];
  const metadata: [string, Inode][] = [];
  const seen = new Map<Inode, string>();
  createChildren(dir, target, [], { special, metadata, seen, allowDevices });
  runPython(special);
  for (const [path, inode] of metadata.reverse()) setMetadata(path, inode); // children before parents: dir times last
  setMetadata(target, dir);
}

interface WriteState { special: SpecialOp[]; metadata: [string, Inode][]; seen: Map<Inode, string>; allowDevices: boolean }

function createChildren(dir: Inode, root: string, names: string[], state: WriteState): void {
  for (const [name, inode] of dir.entries!) {
    const path = insidePath(root, [...names, name]);
    const first = inode.type !== 'dir' ? state.seen.get(inode) : undefined;
    if (first !== undefined) { linkSync(first, path); continue; }
    if (inode.type !== 'dir') state.seen.set(inode, path);
    create(inode, path, state);
    for (const [key, value] of inode.xattrs) if (keptXattr(key)) state.special.push({ op: 'setxattr', path, name: key, value: value.toString('base64') });
    state.metadata.push([path, inode]);
    if (inode.type === 'dir') createChildren(inode, root, [...names, name], state);
  }
}

function create(inode: Inode, path: string, state: WriteState): void {
  switch (inode.type) {
    case 'dir': return void mkdirSync(path, { mode: 0o700 });
    case 'file': return writeFileSync(path, inode.disk.readData(inode), { mode: 0o600, flag: 'wx' });
    case 'symlink': return symlinkSync(inode.target ?? '', path);
    default: {
      const whiteout = inode.type === 'char' && inode.rdev === 0;
      if (!whiteout && inode.type !== 'fifo' && !state.allowDevices) throw new MaterializeError({ path, reason: `it is a ${inode.type} device ${major(inode.rdev)}:${minor(inode.rdev)}; pass allowDevices to create real device nodes` });
      state.special.push({ op: 'mknod', path, type: inode.type, mode: inode.mode & 0o7777, major: major(inode.rdev), minor: minor(inode.rdev) });
    }
  }
}

function setMetadata(path: string, inode: Inode): void {
  lchownSync(path, inode.uid, inode.gid);
  if (inode.type !== 'symlink') chmodSync(path, inode.mode & 0o7777);   // after chown, which clears setuid bits
  const [atime, mtime] = [inode.atimeMs / 1000, inode.mtimeMs / 1000];
  if (inode.type === 'symlink') lutimesSync(path, atime, mtime); else utimesSync(path, atime, mtime);
}

/**
 * pythonPath: Debian's interpreter when present (pyenv shims may lack a usable python).
 *
 * @example
 * pythonPath() // '/usr/bin/python3'
 */
export function pythonPath(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function runPython(ops: SpecialOp[]): void {
  if (ops.length === 0) return;
  try {
    execFileSync(pythonPath(), ['-c', PYTHON_SCRIPT], { input: JSON.stringify(ops), stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim().split('\n').pop();
    throw new MaterializeError({ path: ops[0].path, reason: `python3 could not make the whiteouts, devices or xattrs (${stderr})` });
  }
}

