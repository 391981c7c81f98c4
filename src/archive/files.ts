// The files of an archive, whatever holds them: a tar read into memory (docker save, oci-archive)
// or a directory (an OCI layout). Archives are untrusted, so every name is checked here, once:
// no entry may climb out with '..' or be absolute, no name may appear twice, and symlinks and
// hard links inside a tar are followed only to other entries of the same tar (formats.md 7.6:
// old saves symlink a shared layer.tar). File data stays a view into the archive bytes.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { walkTar, type TarBytes } from '../layer/tar/read';
import type { TarEntry } from '../layer/tar/entry';
import { InvalidArchiveError } from './errors';
import { FileBytes } from './file-bytes';
import type { ReadBuffer } from '../layer/read-buffer';

/**
 * ArchiveFiles: read-only access to the files of an archive by their path inside it.
 *
 * @example
 * const files: ArchiveFiles = openArchive('save.tar'); files.read('manifest.json')
 */
export interface ArchiveFiles {
  /** label names the archive in messages (its path, or 'archive bytes'). */
  readonly label: string;
  /** totalBytes: the size of the archive, for progress. */
  readonly totalBytes: number;
  /**
   * read returns a file's bytes (following links inside the archive), or undefined when absent.
   * With `into`, bytes that have to be read from disk go into that reused buffer: the caller must
   * be done with them before its next read.
   */
  read(path: string, into?: ReadBuffer): Uint8Array | undefined;
  /** has says whether a file exists. */
  has(path: string): boolean;
  /** size: a file's length without reading it (undefined when absent), for progress. */
  size(path: string): number | undefined;
}

const MAX_LINK_HOPS = 40; // Linux's MAXSYMLINKS

/**
 * cleanArchivePath turns an entry name into a canonical relative path ('./a//b/' → 'a/b'), or
 * undefined when the name is absolute or climbs above the archive root.
 *
 * @example
 * cleanArchivePath('./blobs/sha256/ab') // 'blobs/sha256/ab'
 * cleanArchivePath('../etc/passwd')     // undefined
 */
export function cleanArchivePath(name: string): string | undefined {
  if (name.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.join('/');
}

/**
 * filesOfTar indexes a tar archive's entries without copying their data: `bytes` are the archive in
 * memory (files are views of it) or a FileBytes (files are read from disk when asked for). Throws
 * InvalidArchiveError for a damaged tar and for unsafe or duplicate names.
 *
 * @example
 * const files = filesOfTar(readFileSync('image.tar'), 'image.tar');
 * files.read('manifest.json')
 */
export function filesOfTar(bytes: TarBytes, label = 'archive bytes'): ArchiveFiles {
  const entries = new Map<string, TarEntry>();
  const dataOffsets = new Map<TarEntry, number>();
  for (const { entry, dataOffset } of walkArchive(bytes, label)) {
    const path = cleanArchivePath(entry.name);
    const bad = (reason: string): never => { throw new InvalidArchiveError({ archive: label, file: entry.name, reason }); };
    if (path === undefined) bad('the entry name is absolute or climbs out of the archive with ..');
    if (path === '') continue; // a root entry ('./') says nothing
    if (entries.has(path!)) bad('the name appears twice, so which copy counts would be ambiguous');
    entries.set(path!, entry);
    dataOffsets.set(entry, dataOffset);
  }
  const file = (path: string): TarEntry | undefined => {
    const entry = resolveEntry(entries, path, label);
    return entry?.type === 'file' ? entry : undefined;
  };
  const read = (path: string, into?: ReadBuffer): Uint8Array | undefined => {
    const entry = file(path);
    if (entry === undefined) return undefined;
    const at = dataOffsets.get(entry)!;
    return bytes.subarray(at, at + entry.size, into);
  };
  return { label, totalBytes: bytes.length, read, has: (path) => file(path) !== undefined, size: (path) => file(path)?.size };
}

/** walkArchive is walkTar with a damaged tar reported as an InvalidArchiveError naming the archive. */
function* walkArchive(bytes: TarBytes, label: string): Generator<{ entry: TarEntry; dataOffset: number }> {
  const walk = walkTar(bytes, { fileData: false });
  for (;;) {
    let step: IteratorResult<{ entry: TarEntry; dataOffset: number }, unknown>;
    try {
      step = walk.next();
    } catch (error) {
      throw new InvalidArchiveError({ archive: label, reason: `the tar is damaged: ${(error as Error).message}` }, error);
    }
    if (step.done === false) yield step.value; else return;
  }
}

/** resolveEntry follows symlinked parents, symlinks and hard links inside the tar only. */
function resolveEntry(entries: Map<string, TarEntry>, path: string, label: string): TarEntry | undefined {
  let pending = (cleanArchivePath(path) ?? '').split('/').filter(Boolean);
  let done: string[] = [];
  for (let hops = 0; pending.length > 0;) {
    const here = [...done, pending[0]].join('/');
    const entry = entries.get(here);
    const isLast = pending.length === 1;
    if (entry?.type === 'symlink' || (entry?.type === 'hardlink' && isLast)) {
      if (++hops > MAX_LINK_HOPS) throw new InvalidArchiveError({ archive: label, file: here, reason: 'too many levels of links' });
      const base = entry.type === 'symlink' ? posix.join(done.join('/'), entry.linkname ?? '') : entry.linkname ?? '';
      const target = entry.linkname?.startsWith('/') ? undefined : cleanArchivePath(base);
      if (target === undefined) throw new InvalidArchiveError({ archive: label, file: here, reason: `links to '${entry.linkname}', outside the archive` });
      pending = [...target.split('/').filter(Boolean), ...pending.slice(1)];
      done = [];
      continue;
    }
    if (isLast) return entry;
    done = [...done, pending[0]];
    pending = pending.slice(1);
  }
  return undefined;
}

/**
 * filesOfDirectory serves the files of an OCI layout directory. A path that resolves (through
 * symlinks) outside the directory is refused, as in a tar.
 *
 * @example
 * const files = filesOfDirectory('/tmp/oci-hello');
 * files.read('index.json')
 */
export function filesOfDirectory(dir: string): ArchiveFiles {
  const root = realpathSync(dir);
  const locate = (path: string): string | undefined => {
    const clean = cleanArchivePath(path);
    if (clean === undefined) throw new InvalidArchiveError({ archive: dir, file: path, reason: 'the path climbs out of the layout' });
    const full = join(root, clean);
    if (!existsSync(full)) return undefined;
    const real = realpathSync(full);
    if (real !== root && !real.startsWith(root + sep)) throw new InvalidArchiveError({ archive: dir, file: path, reason: 'it is a link to a file outside the layout' });
    return statSync(real).isFile() ? real : undefined;
  };
  // A file once read stays open, as a tar archive does: deleting the layout after an import
  // changes nothing for the image, whose layers are read back from their blobs when needed.
  const opened = new Map<string, FileBytes>();
  const read = (path: string, into?: ReadBuffer): Uint8Array | undefined => {
    let file = opened.get(path);
    if (file === undefined) {
      const real = locate(path);
      if (real === undefined) return undefined;
      opened.set(path, (file = new FileBytes(real)));
    }
    return file.subarray(0, file.length, into);
  };
  const size = (path: string): number | undefined => {
    const real = locate(path);
    return real === undefined ? undefined : statSync(real).size;
  };
  return { label: dir, totalBytes: directorySize(root), read, has: (path) => locate(path) !== undefined, size };
}

function directorySize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const stat = lstatSync(join(dir, name));
    total += stat.isDirectory() ? directorySize(join(dir, name)) : stat.isFile() ? stat.size : 0;
  }
  return total;
}
