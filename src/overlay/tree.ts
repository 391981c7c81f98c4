// A real directory tree on a simulated disk: what one lowerdir, the upperdir or the workdir is made of.
//
// This is the kernel's own model in miniature (and memfs's): data and metadata on the inode, names on
// the directory entry. The overlay needs things memfs cannot hold — character devices (whiteouts are
// char 0:0), extended attributes (trusted.overlay.opaque), kernel-exact inode numbers and link counts —
// so inodes and names are ours, and the *bytes* of regular files live in a memfs volume, one file per
// inode, the way an ext4 inode points at its data blocks.
import { Volume } from 'memfs';
import { fsError } from './errors';

/**
 * FileType: what kind of object an inode is (its `type`; the permission bits live apart in `mode`).
 * @example
 * const tree = treeFromCompact({ gone: 'WHITEOUT', bin: '->usr/bin' });
 * const types: FileType[] = [tree.walk('/gone')!.type, tree.walk('/bin')!.type];
 * types // → [ 'char', 'symlink' ]
 */
export type FileType = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo';

/**
 * ByteSource: bytes kept somewhere else and produced when asked — an imported layer's tar, read
 * again from its archive when one of its files is read (see Disk.attachExtent).
 */
export interface ByteSource {
  bytes(): Uint8Array;
}

/** Extent: where a file's bytes sit inside a ByteSource (its length is the inode's size). */
export interface Extent {
  source: ByteSource;
  offset: number;
}

/**
 * Inode: one object on a disk. Directories hold their entries in creation order (their raw readdir order).
 * @example
 * const [base] = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * const motd: Inode = base.tree.walk('/etc/motd')!;
 * `${motd.type} ${motd.mode.toString(8)} ${motd.uid}:${motd.gid} ${motd.size} B` // → file 644 0:0 3 B
 */
export interface Inode {
  readonly ino: number;
  readonly disk: Disk;
  type: FileType;
  mode: number;            // permission bits only (07777); the type lives in `type`
  uid: number;
  gid: number;
  nlink: number;
  size: number;
  rdev: number;            // makedev(major, minor) for devices; whiteouts are 0
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  xattrs: Map<string, Buffer>;
  target?: string;         // symlinks
  /** Bytes a layer holds without copying them: a view into its tar (see Disk.attachData). */
  view?: Uint8Array;
  /** Bytes a layer holds without keeping them: where they are in a tar read on demand (Disk.attachExtent). */
  extent?: Extent;
  entries?: Map<string, Inode>;   // directories
  parent?: Inode;          // directories: the one directory holding them (for subtree checks)
}

/**
 * makedev: a device number (an inode's `rdev`) from major and minor, as glibc encodes small numbers
 * (enough for whiteouts, which are char 0:0, and tty devices).
 * @example
 * makedev(4, 1) // → 1025
 */
export const makedev = (major: number, minor: number): number => major * 256 + minor;
/**
 * major: the major number of a device number (the driver: 4 is a tty).
 * @example
 * major(makedev(4, 1)) // → 4
 */
export const major = (rdev: number): number => Math.floor(rdev / 256);
/**
 * minor: the minor number of a device number (which device of that driver).
 * @example
 * minor(makedev(4, 1)) // → 1
 */
export const minor = (rdev: number): number => rdev % 256;

/** The fixed clock used when nothing else says what time it is: lessons print the same output every run. */
export const EPOCH_MS = Date.UTC(2024, 0, 1);

let nextDiskNumber = 1;

/**
 * Disk: one simulated block device (think: the ext4 under /var/lib/docker). Every tree on it shares
 * the inode counter, so inode numbers are unique across layers, as they are on a real disk — which is
 * what lets overlayfs report a lower file's st_ino after copy-up.
 * @example
 * const disk = new Disk();
 * const a = treeFromCompact({ f: 'x' }, disk), b = treeFromCompact({ f: 'y' }, disk);
 * a.walk('/f')!.ino === b.walk('/f')!.ino // → false
 */
export class Disk {
  readonly dev: number;
  readonly uuid: Buffer;
  /** The bytes of regular files: memfs file `/<ino>` holds inode <ino>'s data. */
  readonly blocks = new Volume();
  /**
   * Which inodes have a memfs file. Asking memfs (`existsSync`) walks its tree and checks
   * permissions with two system calls, which made attaching 50,000 imported files cost a quarter
   * of a second; the disk knows what it stored.
   */
  private readonly stored = new Set<number>();
  private lastIno = 10;    // ext4 starts user inodes at 11
  private ticks = 0;
  /** Every live inode by number: overlayfs finds a copy-up's origin by its handle (spec 1.12). */
  readonly inodes = new Map<number, Inode>();
  /**
   * now: the disk's clock. A logical clock — one second per change from EPOCH_MS — so that mtimes
   * move forward as on a real disk while every run of a lesson prints the same times.
   */
  now: () => number = () => EPOCH_MS + 1000 * this.ticks++;

  /** setTime moves the logical clock to `ms` (whole seconds): a build step starts at its own time. */
  setTime(ms: number): void {
    this.ticks = Math.floor((ms - EPOCH_MS) / 1000);
  }

  constructor({ dev = makedev(254, nextDiskNumber++), uuid }: { dev?: number; uuid?: Buffer } = {}) {
    this.dev = dev;
    this.uuid = uuid ?? Buffer.alloc(16, 0);
  }

  /** newInode allocates an inode; directories start with nlink 2 ("." and their entry in the parent). */
  newInode(type: FileType, mode: number, uid = 0, gid = 0): Inode {
    const t = this.now();
    const inode: Inode = {
      ino: ++this.lastIno, disk: this, type, mode: mode & 0o7777, uid, gid,
      nlink: type === 'dir' ? 2 : 1, size: 0, rdev: 0, atimeMs: t, mtimeMs: t, ctimeMs: t, xattrs: new Map(),
    };
    if (type === 'dir') inode.entries = new Map();
    this.inodes.set(inode.ino, inode);
    return inode;
  }

  /** readData returns a file's bytes (a fresh Buffer the caller may keep or change). */
  readData(inode: Inode): Buffer {
    if (inode.view) return Buffer.from(inode.view);
    if (inode.extent) {
      const { source, offset } = inode.extent;
      return Buffer.from(source.bytes().subarray(offset, offset + inode.size));
    }
    return inode.size === 0 ? Buffer.alloc(0) : (this.blocks.readFileSync(`/${inode.ino}`) as Buffer);
  }

  /**
   * attachData gives a new file its bytes without copying them: an imported or committed layer's
   * files are views into the layer's own tar, so a layer costs its tar once, not twice. Such a
   * file is read-only in practice (layers are frozen); writing to it first moves it into memfs.
   */
  attachData(inode: Inode, view: Uint8Array): void {
    this.dropStored(inode);
    inode.extent = undefined;
    inode.view = view;
    inode.size = view.length;
  }

  /**
   * attachExtent gives a new file its bytes without even holding them: they are `length` bytes at
   * `offset` of `source`, fetched when the file is read. An image imported from a large archive
   * then costs memory for its inodes only, as a real `docker load` costs disk space and not RAM.
   */
  attachExtent(inode: Inode, source: ByteSource, offset: number, length: number): void {
    this.dropStored(inode);
    inode.view = undefined;
    inode.extent = { source, offset };
    inode.size = length;
  }

  /** writeData writes `data` at `position`, growing the file (holes read as zeros). */
  writeData(inode: Inode, data: Uint8Array, position: number): void {
    this.detach(inode);
    const fd = this.blocks.openSync(`/${inode.ino}`, this.stored.has(inode.ino) ? 'r+' : 'w+');
    this.stored.add(inode.ino);
    try {
      this.blocks.writeSync(fd, data, 0, data.length, position);
    } finally {
      this.blocks.closeSync(fd);
    }
    inode.size = Math.max(inode.size, position + data.length);
  }

  /** detach moves an attached view into memfs before the file is changed. */
  private detach(inode: Inode): void {
    if (!inode.view && !inode.extent) return;
    const bytes = this.readData(inode);
    inode.view = inode.extent = undefined;
    inode.size = 0;
    if (bytes.length > 0) this.writeData(inode, bytes, 0);
  }

  /** setSize truncates or extends a file with zeros, like truncate(2). */
  setSize(inode: Inode, size: number): void {
    this.detach(inode);
    if (!this.stored.has(inode.ino)) { this.blocks.writeFileSync(`/${inode.ino}`, ''); this.stored.add(inode.ino); }
    this.blocks.truncateSync(`/${inode.ino}`, size);
    inode.size = size;
  }

  /** release frees an inode's data once its last name is gone. */
  release(inode: Inode): void {
    this.inodes.delete(inode.ino);
    inode.view = inode.extent = undefined;
    this.dropStored(inode);
  }

  private dropStored(inode: Inode): void {
    if (this.stored.delete(inode.ino)) this.blocks.unlinkSync(`/${inode.ino}`);
  }
}

/**
 * Tree: a directory tree rooted at one inode of a disk. Layers are frozen trees: the overlay never
 * writes a lowerdir, and freezing makes any attempt fail with EROFS instead of corrupting an image.
 * @example
 * const tree = treeFromCompact({ etc: { motd: 'hi\n' } });
 * tree.walk('/etc/motd')!.size // → 3
 * tree.freeze().frozen // → true
 */
export class Tree {
  readonly root: Inode;
  private frozenFlag = false;

  constructor(readonly disk: Disk = new Disk(), root?: Inode) {
    this.root = root ?? disk.newInode('dir', 0o755);
  }

  get frozen(): boolean {
    return this.frozenFlag;
  }

  /** freeze makes the tree immutable; lookups through it may then be cached safely. */
  freeze(): this {
    this.frozenFlag = true;
    return this;
  }

  /** writable throws EROFS when the tree is frozen; every mutation below calls it first. */
  writable(syscall: string): void {
    if (this.frozenFlag) throw fsError('EROFS', syscall);
  }

  /** walk follows a '/'-separated path of directory entries (no symlinks); undefined when absent. */
  walk(path: string): Inode | undefined {
    let node: Inode | undefined = this.root;
    for (const name of path.split('/')) {
      if (name === '' || name === '.') continue;
      node = node.entries?.get(name);
      if (!node) return undefined;
    }
    return node;
  }
}
