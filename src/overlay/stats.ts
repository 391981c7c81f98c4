// What stat(2) reports for an overlay object (spec 1.9 "Inode properties"): the mode, owner and
// times of the topmost real object; st_ino chosen so that it survives copy-up; st_nlink 1 for a merged
// directory; one st_dev for the whole mount when all layers are on one disk.
import type { FileType, Inode } from './tree';
import type { Node, Stack } from './stack';
import { isMerged, realOf } from './stack';
import { originIno, overlayXattr } from './real';

const TYPE_BITS: Record<FileType, number> = {
  file: 0o100000, dir: 0o040000, symlink: 0o120000, char: 0o020000, block: 0o060000, fifo: 0o010000,
};

/** modeOf: st_mode of a real inode (type bits + permission bits). */
export function modeOf(inode: Inode): number {
  return TYPE_BITS[inode.type] | inode.mode;
}

/** typeOfMode: the file type encoded in an st_mode. */
export function typeOfMode(mode: number): FileType | undefined {
  const bits = mode & 0o170000;
  return (Object.keys(TYPE_BITS) as FileType[]).find((type) => TYPE_BITS[type] === bits);
}

/** sizeOf: st_size: bytes for files, the target's length for symlinks, a block for directories. */
export function sizeOf(inode: Inode): number {
  if (inode.type === 'symlink') return Buffer.byteLength(inode.target ?? '');
  if (inode.type === 'dir') return 4096;
  return inode.type === 'file' ? inode.size : 0;
}

/**
 * Stats: node:fs's Stats shape (same fields and is*() methods), for overlay and layer objects alike.
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * const st: Stats = m.statSync('/etc/motd');
 * [st.isFile(), st.size, (st.mode & 0o777).toString(8)] // → [ true, 3, '644' ]
 */
export class Stats {
  dev = 0; ino = 0; mode = 0; nlink = 0; uid = 0; gid = 0; rdev = 0; size = 0;
  blksize = 4096; blocks = 0; atimeMs = 0; mtimeMs = 0; ctimeMs = 0; birthtimeMs = 0;
  get atime(): Date { return new Date(this.atimeMs); }
  get mtime(): Date { return new Date(this.mtimeMs); }
  get ctime(): Date { return new Date(this.ctimeMs); }
  get birthtime(): Date { return new Date(this.birthtimeMs); }
  isFile(): boolean { return (this.mode & 0o170000) === 0o100000; }
  isDirectory(): boolean { return (this.mode & 0o170000) === 0o040000; }
  isSymbolicLink(): boolean { return (this.mode & 0o170000) === 0o120000; }
  isCharacterDevice(): boolean { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice(): boolean { return (this.mode & 0o170000) === 0o060000; }
  isFIFO(): boolean { return (this.mode & 0o170000) === 0o010000; }
  isSocket(): boolean { return (this.mode & 0o170000) === 0o140000; }
}

/** statOfInode: the Stats of a real inode, as its own filesystem reports it. */
export function statOfInode(inode: Inode, dev: number = inode.disk.dev): Stats {
  const stats = new Stats();
  const size = sizeOf(inode);
  Object.assign(stats, {
    dev, ino: inode.ino, mode: modeOf(inode), nlink: inode.nlink, uid: inode.uid, gid: inode.gid, rdev: inode.rdev,
    size, blocks: inode.type === 'file' || inode.type === 'dir' ? Math.ceil(size / 4096) * 8 : 0,
    atimeMs: inode.atimeMs, mtimeMs: inode.mtimeMs, ctimeMs: inode.ctimeMs, birthtimeMs: inode.ctimeMs,
  });
  return stats;
}

/**
 * statOfNode: what stat(2) on the merged mount reports (ovl_getattr). `overlayDev` is the mount's
 * anonymous device; `privateIno` hands out the non-persistent numbers the kernel gives directories
 * when the layers are on different filesystems and xino is off (F02).
 */
export function statOfNode(stack: Stack, node: Node, overlayDev: number, privateIno: (node: Node) => number): Stats {
  const real = realOf(node);
  const stats = statOfInode(real, overlayDev);
  const source = inodeNumberSource(stack, node);
  stats.ino = source.ino;
  if (real.type === 'dir' && isMerged(node)) stats.nlink = 1;
  if (real.type !== 'dir' && node.upper) stats.nlink = upperNlink(stack, node.upper);
  if (!sameFs(stack)) {
    const fsid = fsIdOf(stack, source);
    // xino=on: one st_dev, and the layer's fs id in the top bits of st_ino (0x8000000000000003 for
    // ino 3 of the first lower fs, F03). A JavaScript number keeps the high bit but not the low ones.
    if (stack.options.xino === 'on') stats.ino = source.ino + fsid * 2 ** 63;
    else if (real.type === 'dir') stats.ino = privateIno(node);
    // Without xino a non-directory reports a pseudo device per underlying fs: anonymous device
    // numbers taken right after the overlay's own (F02: overlay 0:41, the lower tmpfs 0:43).
    else stats.dev = overlayDev + 1 + fsid;
  }
  return stats;
}

/** fsIdOf: the kernel's fsid of the filesystem an inode lives on: 0 for the upper's, then each other one in lowerdir order. */
function fsIdOf(stack: Stack, inode: Inode): number {
  const disks = [(stack.upper ?? stack.lowers[0]).disk];
  for (const layer of stack.lowers) if (!disks.includes(layer.disk)) disks.push(layer.disk);
  return disks.indexOf(inode.disk);
}

/**
 * inodeNumberSource: which real inode st_ino comes from. Directories with a lower part report their
 * topmost lower directory (the copy-up origin, also after a redirect: E13); copied-up non-directories
 * report their origin — unless the origin had other hard links and there is no index, because copy-up
 * broke that link (C12) — and everything else its own inode.
 */
export function inodeNumberSource(stack: Stack, node: Node): Inode {
  const real = realOf(node);
  if (node.path === '') return real;          // the root always reports its own (upper) inode
  if (real.type === 'dir') return node.lowers[0] ?? real;
  if (!node.upper) return real;
  const origin = originOf(stack, node.upper);
  if (!origin) return real;
  return stack.options.index || origin.nlink === 1 ? origin : node.upper;
}

/** originOf: the lower inode an upper object was copied up from, found through its origin handle. */
export function originOf(stack: Stack, upper: Inode): Inode | undefined {
  const handle = upper.xattrs.get(stack.prefix + 'origin');
  const ino = handle && originIno(handle);
  if (ino === undefined) return undefined;
  for (const layer of stack.lowers) {
    const inode = layer.disk.inodes.get(ino);
    if (inode) return inode;
  }
  return undefined;
}

/** upperNlink: an indexed copy counts its index link through `nlink` "U±n" (C13); others are as they are. */
function upperNlink(stack: Stack, upper: Inode): number {
  const recorded = overlayXattr(upper, stack.prefix, 'nlink');
  const match = recorded && /^U([+-]\d+)$/.exec(recorded);
  return match ? upper.nlink + Number(match[1]) : upper.nlink;
}

/** sameFs: all layers on one disk, the Docker case: one st_dev, persistent inode numbers. */
export function sameFs(stack: Stack): boolean {
  const disk = (stack.upper ?? stack.lowers[0]).disk;
  return stack.lowers.every((layer) => layer.disk === disk);
}
