// How the overlay reads the bookkeeping it keeps in real directories (spec 1.5, 1.6, 1.12):
// whiteouts, opaque markers, redirects and origins. One representation inside the simulation — the
// kernel's own (char 0:0, trusted.overlay.* xattrs) — converted to OCI `.wh.` entries only in tars.
import type { Inode } from './tree';

/** isCharWhiteout: a character device 0:0, the whiteout overlayfs itself creates (spec 1.5). */
export function isCharWhiteout(inode: Inode): boolean {
  return inode.type === 'char' && inode.rdev === 0;
}

/** isXattrWhiteout: a zero-size regular file with `<prefix>whiteout` (kernel >= 6.7, never created by overlayfs). */
export function isXattrWhiteout(inode: Inode, prefix: string): boolean {
  return inode.type === 'file' && inode.size === 0 && inode.xattrs.has(prefix + 'whiteout');
}

/** isWhiteout: either kind; lookup honours both anywhere (spec 1.5, A07-A09). */
export function isWhiteout(inode: Inode, prefix: string): boolean {
  return isCharWhiteout(inode) || isXattrWhiteout(inode, prefix);
}

/** overlayXattr reads one `<prefix><name>` xattr as text, or undefined. */
export function overlayXattr(inode: Inode, prefix: string, name: string): string | undefined {
  return inode.xattrs.get(prefix + name)?.toString('latin1');
}

/** isOpaque: a directory marked opaque=y hides every lower directory of the same name (spec 1.6). */
export function isOpaque(dir: Inode, prefix: string): boolean {
  return dir.type === 'dir' && overlayXattr(dir, prefix, 'opaque') === 'y';
}

/** hasXwhiteouts: opaque=x is *not* opaque: it only says "I contain xattr whiteouts" (A07). */
export function hasXwhiteouts(dir: Inode, prefix: string): boolean {
  return overlayXattr(dir, prefix, 'opaque') === 'x';
}

/**
 * originHandle encodes `trusted.overlay.origin` as the kernel stores it for ext4 (spec 1.12):
 * struct ovl_fb = version 0, magic 0xfb, length 29, flags 0, fid type 1 (FILEID_INO32_GEN),
 * the filesystem's 16-byte UUID, then the inode number and generation, little-endian.
 */
export function originHandle(lower: Inode): Buffer {
  const handle = Buffer.alloc(29);
  handle.set([0x00, 0xfb, 29, 0x00, 0x01], 0);
  lower.disk.uuid.copy(handle, 5);
  handle.writeUInt32LE(lower.ino >>> 0, 21);
  handle.writeUInt32LE(0, 25);
  return handle;
}

/** originIno reads the inode number back out of an origin handle. */
export function originIno(handle: Buffer): number | undefined {
  return handle.length === 29 && handle[1] === 0xfb ? handle.readUInt32LE(21) : undefined;
}
