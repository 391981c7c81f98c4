// An open file description: the object, the access mode and the offset. It holds the overlay inode
// (Identity), not a real inode, so a descriptor opened read-only before a copy-up reads the upper copy
// afterwards, as on Linux since 4.19 (B17).
import { constants } from 'node:fs';
import { Failure, fail } from './errors';
import type { Inode } from './tree';
import type { Node } from './stack';

export class OpenFile {
  position = 0;

  constructor(readonly node: Node, readonly flags: number) {}

  /** The real inode that holds the bytes now; a metacopy upper file still reads from its lower. */
  private dataInode(): Inode {
    const { upper, lower } = this.node.identity;
    if (upper && !(upper.type === 'file' && isMetacopy(upper) && lower)) return upper;
    return lower ?? upper!;
  }

  private get readable(): boolean {
    return (this.flags & 3) !== constants.O_WRONLY;
  }

  private get writable(): boolean {
    return (this.flags & 3) !== constants.O_RDONLY;
  }

  /** readAll: the whole content (readFileSync); EISDIR for a directory, as read(2) says. */
  readAll(): Buffer {
    const inode = this.dataInode();
    if (inode.type === 'dir') throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', errno: -21, syscall: 'read' });
    return inode.type === 'file' ? inode.disk.readData(inode) : Buffer.alloc(0);
  }

  /** read copies up to `length` bytes into `buffer` at `offset`, from `position` or the current offset. */
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): number | Failure {
    if (!this.readable) return fail('EBADF');
    const inode = this.dataInode();
    if (inode.type === 'dir') return fail('EISDIR');
    const data = inode.type === 'file' ? inode.disk.readData(inode) : Buffer.alloc(0);
    const start = position ?? this.position;
    const count = Math.max(0, Math.min(length, data.length - start));
    data.copy(buffer, offset, start, start + count);
    if (position === null) this.position += count;
    return count;
  }

  /**
   * write stores bytes at `position`, the current offset, or the end with O_APPEND. With `share`,
   * bytes that fill an empty file are kept as they are (they must never change), not copied.
   */
  write(bytes: Uint8Array, position: number | null, { share = false }: { share?: boolean } = {}): number | Failure {
    if (!this.writable) return fail('EBADF');
    const inode = this.node.identity.upper;
    if (!inode || inode.type !== 'file') return fail('EBADF');
    const append = (this.flags & constants.O_APPEND) !== 0;
    const at = append ? inode.size : position ?? this.position;
    if (share && at === 0 && inode.size === 0) inode.disk.attachData(inode, bytes);
    else inode.disk.writeData(inode, bytes, at);
    inode.mtimeMs = inode.ctimeMs = inode.disk.now();
    if (position === null || append) this.position = at + bytes.length;
    return bytes.length;
  }
}

function isMetacopy(inode: Inode): boolean {
  for (const name of inode.xattrs.keys()) if (name.endsWith('overlay.metacopy')) return true;
  return false;
}
