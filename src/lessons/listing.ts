// What a real directory holds, as `find DIR -printf '%y %m %u:%g %s %p'` and `getfattr -d -m -`
// together would show it: the way to look inside UpperDir and WorkDir, where overlayfs keeps its
// bookkeeping (overlayfs.md 1.12 and 2) — whiteouts as char 0:0, opaque and origin as xattrs.
import type { Inode } from '../overlay/tree';
import { major, minor } from '../overlay/tree';
import { originIno } from '../overlay/real';
import { Shown, preformatted } from './display';

const TYPE_LETTER: Record<string, string> = { file: 'f', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p' };

/** xattrText: one xattr as getfattr prints it, binary values as hex; an origin also names the lower inode. */
function xattrText(name: string, value: Buffer): string {
  const printable = value.length > 0 && [...value].every((b) => b >= 0x20 && b < 0x7f);
  if (name.endsWith('overlay.uuid')) return `${name}=<16 random bytes>`;
  if (printable || value.length === 0) return `${name}="${value.toString('latin1')}"`;
  const ino = name.endsWith('overlay.origin') ? originIno(value) : undefined;
  const hex = `0x${value.subarray(0, 6).toString('hex')}…`;
  return `${name}=${hex}${ino !== undefined ? ` (lower inode ${ino})` : ''}`;
}

function describe(inode: Inode): string {
  const mode = inode.mode.toString(8).padStart(3, '0');
  const what = inode.type === 'char' && inode.rdev === 0 ? 'char 0:0 = whiteout'
    : inode.type === 'char' || inode.type === 'block' ? `dev ${major(inode.rdev)}:${minor(inode.rdev)}`
    : inode.type === 'symlink' ? `-> ${inode.target}` : inode.type === 'file' ? `${inode.size} B` : '';
  return `${TYPE_LETTER[inode.type]} ${mode} ${inode.uid}:${inode.gid}  ${what}`.trimEnd();
}

/**
 * listDir lists a real directory (say, a mount's UpperDir) recursively: type, mode, owner, size or
 * target, and every xattr, one path per line, parents first, names in byte order.
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.unlinkSync('/etc/motd');
 * listDir(lab.upper.root, 'upper')
 * // → upper/          d 755 0:0 … trusted.overlay.impure="y"
 * // → upper/etc/motd  c 000 0:0  char 0:0 = whiteout
 */
export function listDir(dir: Inode, label: string): string {
  const rows: [string, string, string][] = [];
  const visit = (inode: Inode, path: string): void => {
    const xattrs = [...inode.xattrs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, v]) => xattrText(n, v)).join('  ');
    rows.push([path + (inode.type === 'dir' ? '/' : ''), describe(inode), xattrs]);
    const names = [...(inode.entries?.keys() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const name of names) visit(inode.entries!.get(name)!, `${path}/${name}`);
  };
  visit(dir, label);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([p, d, x]) => `${p.padEnd(w0)}  ${d.padEnd(w1)}  ${x}`.trimEnd()).join('\n');
}

/**
 * dirListing: `listDir` ready for `show` (a `<pre>` block).
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.unlinkSync('/etc/motd');
 * dirListing(lab.upper.root, 'upper').text // → upper/etc/motd…c 000 0:0  char 0:0 = whiteout
 */
export function dirListing(dir: Inode, label: string): Shown {
  return preformatted(listDir(dir, label));
}
