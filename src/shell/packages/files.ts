// Writing a package's files into the container and taking them out again. Content is the same
// deterministic placeholder as the base images' binaries, so sizes are real and builds repeatable.
import { placeholderBytes, reservePlaceholderBytes } from '../../image/bases';
import type { Stats } from 'node:fs';
import type { ShellFs } from '../types';
import { parseFileEntry, type PackageFile } from './catalog';

/**
 * installFiles writes catalog file entries (see parseFileEntry) into `fs`, creating missing parents.
 * An existing file is replaced, as rpm/dpkg/apk do; an existing directory is kept.
 * @example
 * installFiles(fs, ['/usr/bin/which 28720']);
 */
export function installFiles(fs: ShellFs, entries: string[]): void {
  const dirs: InstallDirs = { known: new Set(), made: new Set(), written: new Set() };
  const files = entries.map(parseFileEntry);
  for (const elf of [false, true]) {
    reservePlaceholderBytes(Math.max(0, ...files.filter((f) => f.type === 'file' && isBinary(f) === elf).map((f) => f.size)), { elf });
  }
  for (const file of files) writeOne(fs, file, dirs);
}

// A package file with an execute bit gets an ELF header in front of its placeholder bytes.
function isBinary(file: PackageFile): boolean {
  return (file.mode & 0o111) !== 0;
}

/**
 * InstallDirs: what one install knows of the directories it writes into. `known` exist (most files
 * share their parent with the one before); `made` were created by this install, so they hold only
 * what it has `written` since: a new name there cannot be taken, and need not be looked up first.
 */
interface InstallDirs {
  known: Set<string>;
  made: Set<string>;
  written: Set<string>;
}

function writeOne(fs: ShellFs, file: PackageFile, dirs: InstallDirs): void {
  ensureParent(fs, file.path, dirs.known, dirs.made);
  // In a directory this install made, a name it has not written yet is certainly free.
  const surelyFree = dirs.made.has(parentOf(file.path)) && !dirs.written.has(file.path);
  dirs.written.add(file.path);
  if (file.type === 'dir') {
    if (surelyFree || !isDirectory(fs, file.path)) {
      fs.mkdirSync(file.path, { mode: file.mode });
      dirs.made.add(file.path);
    }
    dirs.known.add(file.path);
    return;
  }
  if (!surelyFree && exists(fs, file.path)) fs.unlinkSync(file.path);
  if (file.type === 'symlink') fs.symlinkSync(file.target ?? '', file.path);
  else writePayload(fs, file.path, placeholderBytes(file.path, file.size, { elf: isBinary(file) }), file.mode);
}

/**
 * writePayload writes a package file's bytes. They never change, so a filesystem that can keep them
 * without a copy (an overlay mount's writeSharedFileSync) does: vim's 70 MB are not copied.
 */
function writePayload(fs: ShellFs, path: string, data: Uint8Array, mode: number): void {
  if (fs.writeSharedFileSync) fs.writeSharedFileSync(path, data, mode);
  else writeFile(fs, path, data, mode);
}

/** writeFile writes bytes and sets the mode explicitly, because the umask would otherwise apply. */
export function writeFile(fs: ShellFs, path: string, data: string | Uint8Array, mode = 0o644): void {
  ensureParent(fs, path);
  fs.writeFileSync(path, data);
  fs.chmodSync(path, mode);
}

/**
 * ensureParent is `mkdir -p $(dirname path)` with 0755 directories, like the package tools create
 * them. `known` holds directories already known to exist (and learns the ones checked or made);
 * `made` learns the ones it created.
 */
export function ensureParent(fs: ShellFs, path: string, known = new Set<string>(), made = new Set<string>()): void {
  const parent = parentOf(path);
  if (parent === '' || known.has(parent)) return;
  if (!exists(fs, parent)) {
    ensureParent(fs, parent, known, made);
    fs.mkdirSync(parent, { mode: 0o755 });
    made.add(parent);
  }
  known.add(parent);
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * removeFiles deletes a package's files, then its directories if they became empty
 * (shared directories such as /usr/bin stay, exactly as with rpm -e or dpkg -r).
 * @example
 * removeFiles(fs, ['/usr/bin/which 28720']);
 */
export function removeFiles(fs: ShellFs, entries: string[]): void {
  const files = entries.map(parseFileEntry);
  for (const file of files) if (file.type !== 'dir' && exists(fs, file.path)) fs.unlinkSync(file.path);
  const dirs = files.filter((f) => f.type === 'dir').map((f) => f.path).sort().reverse();
  for (const dir of dirs) if (isDirectory(fs, dir) && fs.readdirSync(dir, { withFileTypes: true }).length === 0) fs.rmdirSync(dir);
}

/** removeTree is `rm -rf path`, used for cache directories. Returns how many files it removed. */
export function removeTree(fs: ShellFs, path: string): number {
  if (!exists(fs, path)) return 0;
  if (!isDirectory(fs, path)) { fs.unlinkSync(path); return 1; }
  let count = 0;
  for (const entry of fs.readdirSync(path, { withFileTypes: true })) count += removeTree(fs, `${path}/${entry.name}`);
  fs.rmdirSync(path);
  return count;
}

/**
 * exists without following a final symlink (a dangling link still "exists" for rm). A missing path
 * is an answer, not an error: lstat is asked not to throw for it (only ENOTDIR and the like do).
 */
export function exists(fs: ShellFs, path: string): boolean {
  return lstatOrUndefined(fs, path) !== undefined;
}

function isDirectory(fs: ShellFs, path: string): boolean {
  return lstatOrUndefined(fs, path)?.isDirectory() ?? false;
}

function lstatOrUndefined(fs: ShellFs, path: string): Stats | undefined {
  try { return fs.lstatSync(path, { throwIfNoEntry: false }); } catch { return undefined; }
}
