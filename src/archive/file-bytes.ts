// An archive file read a piece at a time, for the tar reader (TarBytes): importing a 300 MB
// `docker save` reads its index and then one blob at a time, instead of holding the whole file in
// memory while its layers are imported (and, afterwards, for as long as the image is used).
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { TarBytes } from '../layer/tar/read';
import { InvalidArchiveError } from './errors';
import type { ReadBuffer } from '../layer/read-buffer';

// The descriptor is closed when nothing uses the FileBytes any more (an image whose layers are read
// from it keeps it alive).
const closeWhenUnused = new FinalizationRegistry<number>((fd) => {
  try { closeSync(fd); } catch { /* already closed */ }
});

/**
 * FileBytes: the bytes of a file on disk, read when a piece is asked for. The file stays open, so
 * deleting or replacing the archive after an import (as people do after `docker load`) changes
 * nothing: the open file is still the one imported. Writing over it in place does; each read checks
 * that the size and modification time are those seen at opening, and the layer digests are checked
 * again when layers are read back, so changed bytes are an error, never different content.
 *
 * @example
 * const bytes = new FileBytes('save.tar');
 * bytes.subarray(0, 512) // the first tar header, read from disk
 */
export class FileBytes implements TarBytes {
  readonly length: number;
  private readonly fd: number;
  private readonly identity: string;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    const stat = fstatSync(this.fd);
    this.length = stat.size;
    this.identity = identityOf(stat);
    closeWhenUnused.register(this, this.fd);
  }

  /** subarray reads bytes [start, end) into a new buffer, or into `into` when given (see ReadBuffer). */
  subarray(start = 0, end = this.length, into?: ReadBuffer): Uint8Array {
    const from = Math.min(Math.max(start, 0), this.length);
    const to = Math.min(Math.max(end, from), this.length);
    if (identityOf(fstatSync(this.fd)) !== this.identity) this.changed('its size or modification time differ');
    const out = into ? into.take(to - from) : Buffer.allocUnsafe(to - from);
    for (let done = 0; done < out.length;) {
      const n = readSync(this.fd, out, done, out.length - done, from + done);
      if (n === 0) this.changed('it became shorter');
      done += n;
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  private changed(how: string): never {
    throw new InvalidArchiveError({ archive: this.path, reason: `the file changed since it was opened (${how}); open or import it again` });
  }
}

function identityOf(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}`;
}
