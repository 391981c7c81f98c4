// The overlay mount, speaking node:fs. Each method does what the kernel does for the matching system
// call: the VFS part (walk.ts), then overlayfs's part (lookup, copy-up, whiteouts, rename), and throws
// Node's error shape at this public edge only.
import { constants } from 'node:fs';
import { Failure, FsError, fail, fsError } from './errors';
import { Disk, Inode, Tree, makedev } from './tree';
import { Credentials, Node, ROOT, Stack, makeStack, realOf } from './stack';
import { DEFAULT_OPTIONS, OverlayOptions, UnsupportedOption, parseOptions, procMountsSuffix } from './options';
import { resolve, resolveNode } from './walk';
import { cachedLookup, rootNode } from './lookup';
import { copyUp } from './copy-up';
import { createIn, NewObject } from './create';
import { checkRmdir, removeName } from './delete';
import { checkRename, doRename, RenameFlag } from './rename';
import { readMerged } from './readdir';
import { Stats, sameFs, statOfNode } from './stats';
import { Dirent } from './dirent';
import { checkLayers, prepareDirs, releaseUpper } from './setup';
import { R, W, X, deleteDenied, isOwnerOrRoot, mayAccess } from './permissions';
import { linkRedirect } from './rename';
import { dataArg, flagsArg, intArg, modeArg, pathArg, timeArg } from './args';
import { OpenFile } from './open-file';
import { getXattr, listXattrs, setXattr } from './xattr';

/**
 * DirLike: a directory a mount can stack: a Tree (a layer) or one directory inode inside a tree.
 * @example
 * const layer = treeFromCompact({ srv: { www: { 'index.html': 'hi' } } }).freeze();
 * const www: DirLike = layer.walk('/srv/www')!; // one directory of a layer stacks like a whole tree
 * mount({ lowers: [www], ...scratchDirs() }).readdirSync('/') // → [ 'index.html' ]
 */
export type DirLike = Tree | Inode;

/**
 * MountSpec: what `mount()` takes. `lowers` are top first, as in `lowerdir=`.
 * @example
 * const top = treeFromCompact({ motd: 'from top' }).freeze();
 * const base = treeFromCompact({ motd: 'from base', issue: 'base' }).freeze();
 * const spec: MountSpec = { lowers: [top, base] }; // no upper: a read-only mount
 * mount(spec).readFileSync('/motd', 'utf8') // → from top
 */
export interface MountSpec {
  lowers: DirLike[];
  upper?: DirLike;
  work?: DirLike;
  /** Data-only layers (after `::` in lowerdir=): their paths are never visible. */
  dataLowers?: DirLike[];
  /** Extra options as a mount data string (`redirect_dir=on,index=on`) or an object. */
  options?: string | Partial<OverlayOptions>;
}

const UMASK = 0o022;
let mountCounter = 0;

const dirOf = (dir: DirLike): Inode => (dir instanceof Tree ? dir.root : dir);

/**
 * mount stacks `lowers` (top first) under an optional writable `upper`, like
 * `mount -t overlay overlay -o lowerdir=…,upperdir=…,workdir=…`. Throws the kernel's errno for a mount
 * the kernel would refuse (EINVAL, ELOOP, EBUSY) and an `EUNSUPPORTED` error for options not modelled.
 * @example
 * const base = treeFromCompact({ etc: { motd: 'hello' } }).freeze();
 * const { upper, work } = scratchDirs();
 * const m = mount({ lowers: [base], upper, work });
 * m.appendFileSync('/etc/motd', ' world');   // copy-up: upper now holds etc/motd
 * [m.readFileSync('/etc/motd', 'utf8'), base.walk('/etc/motd')!.size] // → [ 'hello world', 5 ]
 */
export function mount(spec: MountSpec): OverlayMount {
  return new OverlayMount(spec);
}

/**
 * scratchDirs: a fresh upperdir and workdir on one new disk, ready for `mount()`.
 * @example
 * const { upper, work } = scratchDirs();
 * const m = mount({ lowers: [treeFromCompact({ a: 'A' }).freeze()], upper, work });
 * m.writeFileSync('/b', 'B'); // new files land in the upper dir
 * [...upper.root.entries!.keys()] // → [ 'b' ]
 */
export function scratchDirs(disk: Disk = new Disk()): { upper: Tree; work: Tree } {
  return { upper: new Tree(disk), work: new Tree(disk) };
}

/**
 * OverlayMount: a mounted overlay; its methods mirror node:fs's synchronous API.
 * @example
 * const { m, layers } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * m.writeFileSync('/etc/motd', 'hello\n'); // copies motd up into the upper dir, then writes there
 * [m.readFileSync('/etc/motd', 'utf8'), layers[0].tree.walk('/etc/motd')!.size] // → [ 'hello\n', 3 ]
 */
export class OverlayMount {
  private stack!: Stack;
  private creds: Credentials = ROOT;
  private readonly files = new Map<number, OpenFile>();
  private nextFd = 3;
  private readonly dev = makedev(0, 40 + mountCounter++);
  /** Non-persistent directory inode numbers (layers on different disks, xino off): ofs->last_ino starts at 1. */
  private privateInos = new WeakMap<object, number>();
  private lastPrivateIno = 1;
  private firstMount = false;
  private mounted = false;

  constructor(private readonly spec: MountSpec) {
    this.attach(spec.options);
  }

  /** The options in force after the kernel's implications (metacopy ⇒ redirect_dir=on, …). */
  get options(): OverlayOptions {
    return this.stack.options;
  }

  /** upperDir / workDir: the real directories, to look at what copy-up and whiteouts left there. */
  get upperDir(): Inode | undefined {
    return this.stack.upper;
  }

  get workDir(): Inode | undefined {
    return this.stack.work;
  }

  /** lowerDirs: the visible lower layers, top first. */
  get lowerDirs(): Inode[] {
    return this.stack.lowers.slice();
  }

  /** as: the same mount seen by an unprivileged process with these credentials. */
  as(creds: Credentials): OverlayMount {
    const view = Object.create(this) as OverlayMount;
    view.creds = creds;
    return view;
  }

  /** procMountsOptions: the options part of this mount's /proc/mounts line (after `lowerdir=…,upperdir=…,workdir=…`). */
  procMountsSuffix(): string {
    return procMountsSuffix(this.stack.options, { hasUpper: !!this.stack.upper, firstMount: this.firstMount, sameFs: sameFs(this.stack) });
  }

  /** umount detaches the mount; open files and later calls fail with EBADF/ENOENT-like errors. */
  umount(): void {
    if (this.mounted && this.stack.upper) releaseUpper(this.stack.upper);
    this.mounted = false;
    this.files.clear();
  }

  /** remount: umount and mount the same directories again, optionally with other options (C15). */
  remount(options: string | Partial<OverlayOptions> | undefined = this.spec.options): void {
    this.umount();
    this.attach(options);
  }

  private attach(options: MountSpec['options']): void {
    const parsed = typeof options === 'object' ? { ...DEFAULT_OPTIONS, ...options } : parseOptions(options === undefined ? '' : options);
    if (parsed instanceof UnsupportedOption) throw Object.assign(new Error(`overlay option "${parsed.option}" is not modelled by layerlab`), { code: 'EUNSUPPORTED', option: parsed.option });
    if (parsed instanceof Failure) throw fsError(parsed.code, 'mount');
    const dirs = {
      lowers: this.spec.lowers.map(dirOf), dataLowers: (this.spec.dataLowers ?? []).map(dirOf),
      upper: this.spec.upper && dirOf(this.spec.upper), work: this.spec.work && dirOf(this.spec.work),
    };
    const refused = checkLayers(dirs, parsed);
    if (refused) throw fsError(refused.code, 'mount');
    this.stack = makeStack({ ...dirs, options: parsed });
    if (dirs.upper && dirs.work) {
      const prepared = prepareDirs(dirs.upper, dirs.work, parsed, this.stack.prefix, uuidFor(this.dev));
      this.stack.scratch = prepared.scratch;
      this.firstMount = prepared.firstMount;
    }
    this.mounted = true;
    // The root's overlay inode is made at mount time, so it takes the first private number.
    this.privateIno(rootNode(this.stack));
  }

  // ---- helpers ------------------------------------------------------------------------------


  private check<T>(result: T | Failure, syscall: string, path?: string, dest?: string): T {
    if (result instanceof Failure) throw fsError(result.code, syscall, path, dest);
    return result;
  }

  private node(path: string, syscall: string, follow = true): Node {
    if (!this.mounted) throw fsError('ENOENT', syscall, path);
    return this.check(resolveNode(this.stack, path, this.creds, follow), syscall, path);
  }

  /** privateIno: the number the kernel gives a directory's overlay inode when it first instantiates it. */
  private privateIno = (node: Node): number => {
    let ino = this.privateInos.get(node.identity);
    if (ino === undefined) this.privateInos.set(node.identity, (ino = ++this.lastPrivateIno));
    return ino;
  };

  // ---- reading ------------------------------------------------------------------------------

  /** statSync: stat(2) through the mount (follows symlinks); undefined for a missing path only with `throwIfNoEntry: false`. */
  statSync(path: unknown, options?: { throwIfNoEntry?: true }): Stats;
  statSync(path: unknown, options: { throwIfNoEntry: boolean }): Stats | undefined;
  statSync(path: unknown, options: { throwIfNoEntry?: boolean } = {}): Stats | undefined {
    return this.statWith(pathArg(path), 'stat', true, options.throwIfNoEntry ?? true);
  }

  /** lstatSync: lstat(2): a symlink itself. */
  lstatSync(path: unknown, options?: { throwIfNoEntry?: true }): Stats;
  lstatSync(path: unknown, options: { throwIfNoEntry: boolean }): Stats | undefined;
  lstatSync(path: unknown, options: { throwIfNoEntry?: boolean } = {}): Stats | undefined {
    return this.statWith(pathArg(path), 'lstat', false, options.throwIfNoEntry ?? true);
  }

  private statWith(path: string, syscall: string, follow: boolean, throwIfNoEntry: boolean): Stats | undefined {
    const node = resolveNode(this.stack, path, this.creds, follow);
    if (node instanceof Failure && node.code === 'ENOENT' && !throwIfNoEntry) return undefined;
    return statOfNode(this.stack, this.check(node, syscall, path), this.dev, this.privateIno);
  }

  /** existsSync: whether the path resolves (never throws). */
  existsSync(path: unknown): boolean {
    try {
      return !(resolveNode(this.stack, pathArg(path), this.creds, true) instanceof Failure);
    } catch {
      return false;
    }
  }

  /** readFileSync: a file's bytes (or text with an encoding), typed as node:fs types it. */
  readFileSync(path: unknown, options?: { encoding?: null; flag?: string } | null): Buffer;
  readFileSync(path: unknown, options: BufferEncoding | { encoding: BufferEncoding; flag?: string }): string;
  readFileSync(path: unknown, options?: BufferEncoding | { encoding?: BufferEncoding | null; flag?: string } | null): Buffer | string;
  readFileSync(path: unknown, options?: BufferEncoding | { encoding?: BufferEncoding | null; flag?: string } | null): Buffer | string {
    const encoding = typeof options === 'string' ? options : options?.encoding ?? undefined;
    const fd = this.openSync(path, typeof options === 'object' && options !== null ? options.flag ?? 'r' : 'r');
    try {
      const data = this.fileOf(fd, 'read').readAll();
      return encoding ? data.toString(encoding) : data;
    } finally {
      this.closeSync(fd);
    }
  }

  /** readdirSync: the merged listing in the kernel's order; `withFileTypes` gives Dirents. */
  readdirSync(path: unknown, options: { withFileTypes: true; encoding?: BufferEncoding }): Dirent[];
  readdirSync(path: unknown, options?: BufferEncoding | { withFileTypes?: false; encoding?: BufferEncoding }): string[];
  readdirSync(path: unknown, options?: BufferEncoding | { withFileTypes?: boolean; encoding?: BufferEncoding }): string[] | Dirent[];
  readdirSync(path: unknown, options?: BufferEncoding | { withFileTypes?: boolean; encoding?: BufferEncoding }): string[] | Dirent[] {
    const p = pathArg(path);
    const node = this.node(p, 'scandir');
    if (realOf(node).type !== 'dir') throw fsError('ENOTDIR', 'scandir', p);
    if (!mayAccess(realOf(node), this.creds, R)) throw fsError('EACCES', 'scandir', p);
    const entries = readMerged(this.stack, node);
    if (typeof options === 'object' && options.withFileTypes) return entries.map(({ name, inode }) => new Dirent(name, inode.type, p));
    return entries.map(({ name }) => name);
  }

  /** readlinkSync: a symlink's target; EINVAL for anything else. */
  readlinkSync(path: unknown): string {
    const p = pathArg(path);
    const real = realOf(this.node(p, 'readlink', false));
    if (real.type !== 'symlink') throw fsError('EINVAL', 'readlink', p);
    return real.target!;
  }

  // ---- open files ---------------------------------------------------------------------------

  /**
   * openSync: open(2). Opening for write — even without writing — or with O_TRUNC copies the file
   * up (B02, B05); O_CREAT through a dangling symlink creates its target (B15).
   */
  openSync(path: unknown, flags?: unknown, mode: unknown = 0o666): number {
    const p = pathArg(path);
    const bits = flagsArg(flags);
    const file = this.check(this.open(p, bits, modeArg(mode)), 'open', p);
    const fd = this.nextFd++;
    this.files.set(fd, file);
    return fd;
  }

  private open(path: string, flags: number, mode: number): OpenFile | Failure {
    const access = flags & 3;
    const writes = access !== constants.O_RDONLY;
    const creating = (flags & constants.O_CREAT) !== 0;
    const exclusive = creating && (flags & constants.O_EXCL) !== 0;
    const resolved = resolve(this.stack, path, this.creds, !exclusive);
    if (resolved instanceof Failure) return resolved;
    const node = resolved.node;
    if (node && exclusive) return fail('EEXIST');
    if (!node) {
      if (!creating) return fail('ENOENT');
      if (resolved.trailingSlash) return fail('EISDIR');
      const made = createIn(this.stack, resolved.parent, resolved.name, { type: 'file', mode: mode & ~UMASK }, this.creds);
      if (made instanceof Failure) return made;
      // The new name is looked up in its parent, as the kernel instantiates the dentry it created:
      // no second walk of the whole path.
      const created = cachedLookup(this.stack, resolved.parent, resolved.name);
      if (!created) return fail('ENOENT');
      if (created instanceof Failure) return created;
      return new OpenFile(created, flags);
    }
    const real = realOf(node);
    if (resolved.trailingSlash && real.type !== 'dir') return fail('ENOTDIR');
    // O_TRUNC asks for write access too; a directory refuses both before any permission check.
    if (real.type === 'dir' && (writes || flags & constants.O_TRUNC)) return fail('EISDIR');
    if ((flags & constants.O_DIRECTORY) && real.type !== 'dir') return fail('ENOTDIR');
    if (!this.stack.upper && (writes || flags & constants.O_TRUNC) && real.type !== 'dir') return fail('EROFS');
    const want = (access === constants.O_RDONLY ? R : access === constants.O_WRONLY ? W : R | W) | (flags & constants.O_TRUNC ? W : 0);
    if (!mayAccess(real, this.creds, want)) return fail('EACCES');
    if ((writes || flags & constants.O_TRUNC) && real.type === 'file') {
      const failed = copyUp(this.stack, node, { truncate: (flags & constants.O_TRUNC) !== 0 });
      if (failed) return failed;
      if (flags & constants.O_TRUNC) node.upper!.disk.setSize(node.upper!, 0);
    }
    return new OpenFile(node, flags);
  }

  private fileOf(fd: unknown, syscall: string): OpenFile {
    const file = typeof fd === 'number' ? this.files.get(fd) : undefined;
    if (!file) throw fsError('EBADF', syscall);
    return file;
  }

  /** readSync: read(2)/pread(2) into `buffer`; returns the number of bytes read. */
  readSync(fd: number, buffer: Uint8Array, offset = 0, length: number = buffer.byteLength - offset, position: number | null = null): number {
    return this.check(this.fileOf(fd, 'read').read(buffer, offset, length, position), 'read');
  }

  /** writeSync: write(2)/pwrite(2); strings are UTF-8. Returns the number of bytes written. */
  writeSync(fd: number, data: Uint8Array | string, offsetOrPosition?: number | null, length?: number, position?: number | null): number {
    const file = this.fileOf(fd, 'write');
    if (typeof data === 'string') return this.check(file.write(Buffer.from(data), offsetOrPosition ?? null), 'write');
    const offset = offsetOrPosition ?? 0;
    const bytes = dataArg(data).subarray(offset, length === undefined ? undefined : offset + length);
    return this.check(file.write(bytes, position ?? null), 'write');
  }

  /** closeSync: close(2). */
  closeSync(fd: number): void {
    if (!this.files.delete(fd)) throw fsError('EBADF', 'close');
  }

  /** fstatSync: fstat(2) of an open file. */
  fstatSync(fd: number): Stats {
    return statOfNode(this.stack, this.fileOf(fd, 'fstat').node, this.dev, this.privateIno);
  }

  /** writeFileSync: open (default flag 'w'), write everything, close. */
  writeFileSync(path: unknown, data: unknown, options?: BufferEncoding | { encoding?: BufferEncoding; mode?: number; flag?: string }): void {
    const opts = typeof options === 'string' ? { encoding: options } : options ?? {};
    const fd = this.openSync(path, opts.flag ?? 'w', opts.mode ?? 0o666);
    try {
      this.writeSync(fd, dataArg(data, opts.encoding));
    } finally {
      this.closeSync(fd);
    }
  }

  /**
   * writeSharedFileSync: writeFileSync then fchmod (the mode exactly, no umask), as rpm unpacks a
   * file, for bytes that never change — a package's payload. The file keeps `data` itself instead
   * of a copy, as a layer's files keep views of its tar; writing to it later gives it its own copy first.
   */
  writeSharedFileSync(path: unknown, data: Uint8Array, mode: number): void {
    const fd = this.openSync(path, 'w');
    try {
      this.check(this.fileOf(fd, 'write').write(data, null, { share: true }), 'write');
      this.fchmodSync(fd, mode);
    } finally {
      this.closeSync(fd);
    }
  }

  /** appendFileSync: writeFileSync with flag 'a'. */
  appendFileSync(path: unknown, data: unknown, options?: BufferEncoding | { encoding?: BufferEncoding; mode?: number }): void {
    const opts = typeof options === 'string' ? { encoding: options } : options ?? {};
    this.writeFileSync(path, data, { ...opts, flag: 'a' });
  }

  /** truncateSync: truncate(2); copies the file up first (B06). */
  truncateSync(path: unknown, len: unknown = 0): void {
    const p = pathArg(path);
    const size = intArg(len, 'len');
    if (size < 0) throw fsError('EINVAL', 'open', p);
    const fd = this.openSync(p, 'r+');
    try {
      const node = this.fileOf(fd, 'ftruncate').node;
      node.upper!.disk.setSize(node.upper!, size);
    } finally {
      this.closeSync(fd);
    }
  }

  // ---- namespace ----------------------------------------------------------------------------

  private createAt(path: string, syscall: string, object: NewObject): void {
    const resolved = this.check(resolve(this.stack, path, this.creds, false), syscall, path);
    if (resolved.node) throw fsError('EEXIST', syscall, path);
    if (resolved.trailingSlash && object.type !== 'dir') throw fsError('ENOENT', syscall, path);
    this.check(createIn(this.stack, resolved.parent, resolved.name, object, this.creds), syscall, path);
  }

  /** mkdirSync: mkdir(2); over a whiteout the new directory is opaque (D05). `recursive` as node:fs. */
  mkdirSync(path: unknown, options?: number | string | { recursive?: boolean; mode?: number | string }): string | undefined {
    const p = pathArg(path);
    const opts = typeof options === 'object' ? options : { mode: options };
    const mode = modeArg(opts.mode ?? 0o777) & ~UMASK;
    if (!opts.recursive) {
      this.createAt(p, 'mkdir', { type: 'dir', mode });
      return undefined;
    }
    return this.mkdirRecursive(p, mode);
  }

  private mkdirRecursive(path: string, mode: number): string | undefined {
    const parts = path.split('/');
    let first: string | undefined;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (prefix === '' || prefix === '.') continue;
      const existing = resolve(this.stack, prefix, this.creds, true);
      if (!(existing instanceof Failure) && existing.node) {
        if (realOf(existing.node).type !== 'dir') throw fsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
        continue;
      }
      this.createAt(prefix, 'mkdir', { type: 'dir', mode });
      first = first ?? (prefix.startsWith('/') ? prefix : '/' + prefix);
    }
    return first;
  }

  /** symlinkSync: symlink(2). The target is stored as given, never checked. */
  symlinkSync(target: unknown, path: unknown): void {
    this.createAt(pathArg(path), 'symlink', { type: 'symlink', mode: 0o777, target: pathArg(target, 'target') });
  }

  /**
   * mknodSync: mknod(2) for devices and FIFOs. A char device 0:0 is refused (EPERM): on an overlay it
   * would be a whiteout (B19).
   */
  mknodSync(path: unknown, type: 'char' | 'block' | 'fifo', major = 0, minor = 0, mode = 0o644): void {
    const p = pathArg(path);
    if (type === 'char' && major === 0 && minor === 0) throw fsError('EPERM', 'mknod', p);
    if (type !== 'fifo' && this.creds.uid !== 0) throw fsError('EPERM', 'mknod', p);
    this.createAt(p, 'mknod', { type, mode: mode & ~UMASK, rdev: makedev(major, minor) });
  }

  /** linkSync: link(2). The source is copied up and both names share its upper inode (C10). */
  linkSync(existingPath: unknown, newPath: unknown): void {
    const from = pathArg(existingPath, 'existingPath');
    const to = pathArg(newPath, 'newPath');
    const source = this.check(resolveNode(this.stack, from, this.creds, false), 'link', from, to);
    const target = this.check(resolve(this.stack, to, this.creds, false), 'link', from, to);
    if (target.node) throw fsError('EEXIST', 'link', from, to);
    if (!this.stack.upper) throw fsError('EROFS', 'link', from, to);
    const real = realOf(source);
    // fs.protected_hardlinks=1 (may_linkat): others may link only files they could read and write.
    if (!isOwnerOrRoot(real, this.creds) && !(real.type === 'file' && !(real.mode & 0o4000) && mayAccess(real, this.creds, R | W))) throw fsError('EPERM', 'link', from, to);
    if (!mayAccess(realOf(target.parent), this.creds, W | X)) throw fsError('EACCES', 'link', from, to);
    if (real.type === 'dir') throw fsError('EPERM', 'link', from, to);
    this.check(copyUp(this.stack, source, { data: false }), 'link', from, to);
    linkRedirect(this.stack, source);
    this.check(createIn(this.stack, target.parent, target.name, { type: 'file', mode: 0, link: source.upper }, this.creds), 'link', from, to);
  }

  /** unlinkSync: unlink(2); a lower name leaves a whiteout (C01, C02). */
  unlinkSync(path: unknown): void {
    const p = pathArg(path);
    const node = this.victim(p, 'unlink');
    if (realOf(node).type === 'dir') throw fsError('EISDIR', 'unlink', p);
    this.check(removeName(this.stack, node, this.creds), 'unlink', p);
  }

  /**
   * victim: what unlink/rmdir would remove, checked in the VFS's order: the parent walk, a read-only
   * mount (EROFS), the name itself (ENOENT), then the caller's right to delete it (EACCES/EPERM).
   */
  private victim(path: string, syscall: string): Node {
    if (!this.mounted) throw fsError('ENOENT', syscall, path);
    const resolved = this.check(resolve(this.stack, path, this.creds, false), syscall, path);
    if (!this.stack.upper) throw fsError('EROFS', syscall, path);
    if (!resolved.node) throw fsError('ENOENT', syscall, path);
    const parent = resolved.node.parent ?? resolved.node;
    const denied = deleteDenied(realOf(parent), realOf(resolved.node), this.creds);
    if (denied) throw fsError(denied, syscall, path);
    return resolved.node;
  }

  /** rmdirSync: rmdir(2); the directory must look empty through the mount (D02). */
  rmdirSync(path: unknown): void {
    const p = pathArg(path);
    const node = this.victim(p, 'rmdir');
    this.check(checkRmdir(this.stack, node), 'rmdir', p);
    this.check(removeName(this.stack, node, this.creds), 'rmdir', p);
  }

  /** rmSync: node:fs's rm: `recursive` removes a tree depth-first; `force` ignores a missing path. */
  rmSync(path: unknown, options: { recursive?: boolean; force?: boolean } = {}): void {
    const p = pathArg(path);
    const stats = this.lstatSync(p, { throwIfNoEntry: !options.force });
    if (!stats) return;
    if (!stats.isDirectory()) return this.unlinkSync(p);
    if (!options.recursive) {
      throw Object.assign(new Error(`Path is a directory: rm returned EISDIR (is a directory) ${p}`), { code: 'ERR_FS_EISDIR', errno: 21, syscall: 'rm', path: p });
    }
    for (const name of this.readdirSync(p) as string[]) this.rmSync(`${p.replace(/\/$/, '')}/${name}`, { recursive: true, force: options.force });
    this.rmdirSync(p);
  }

  /**
   * renameSync: rename(2). A directory with a lower part gives EXDEV unless redirect_dir=on (E06,
   * E13); a lower name left behind gets a whiteout (E01).
   */
  renameSync(oldPath: unknown, newPath: unknown): void {
    this.rename(oldPath, newPath, []);
  }

  /** rename: renameat2(2) with flags NOREPLACE, EXCHANGE (and WHITEOUT, which overlayfs refuses: E19). */
  rename(oldPath: unknown, newPath: unknown, flags: RenameFlag[] = []): void {
    const from = pathArg(oldPath, 'oldPath');
    const to = pathArg(newPath, 'newPath');
    // renameat2() walks both parent paths before it looks at either last component.
    const sourceAt = this.check(resolve(this.stack, from, this.creds, false), 'rename', from, to);
    const target = this.check(resolve(this.stack, to, this.creds, false), 'rename', from, to);
    if (!this.stack.upper) throw fsError('EROFS', 'rename', from, to);
    const source = sourceAt.node;
    if (!source) throw fsError('ENOENT', 'rename', from, to);
    const request = { from: source, toParent: target.parent, toName: target.name, to: target.node, flags };
    const verdict = this.check(checkRename(this.stack, request, this.creds), 'rename', from, to);
    if (verdict === 'same') return;
    this.check(doRename(this.stack, request), 'rename', from, to);
  }

  // ---- metadata -----------------------------------------------------------------------------

  private changeMeta(path: string, syscall: string, follow: boolean, change: (inode: Inode) => void, mayChange?: (inode: Inode) => boolean): void {
    this.changeNode(this.node(path, syscall, follow), syscall, path, change, mayChange);
  }

  /** changeNode: a metadata change of an object already looked up (by path, or an open file's). */
  private changeNode(node: Node, syscall: string, path: string | undefined, change: (inode: Inode) => void, mayChange: (inode: Inode) => boolean = (inode) => isOwnerOrRoot(inode, this.creds)): void {
    if (!this.stack.upper) throw fsError('EROFS', syscall, path);
    if (!mayChange(realOf(node))) throw fsError('EPERM', syscall, path);
    this.check(copyUp(this.stack, node, { data: false }), syscall, path);
    change(node.upper!);
    node.upper!.ctimeMs = node.upper!.disk.now();
  }

  /** chmodSync: chmod(2); copies up (metadata only with metacopy=on: G11). */
  chmodSync(path: unknown, mode: unknown): void {
    const bits = modeArg(mode);
    this.changeMeta(pathArg(path), 'chmod', true, (inode) => { inode.mode = bits & 0o7777; });
  }

  /** fchmodSync: fchmod(2): chmod of an open file, with no path to walk. */
  fchmodSync(fd: number, mode: unknown): void {
    const bits = modeArg(mode);
    this.changeNode(this.fileOf(fd, 'fchmod').node, 'fchmod', undefined, (inode) => { inode.mode = bits & 0o7777; });
  }

  /** chownSync: chown(2); only root may give files away. -1 leaves a value unchanged. */
  chownSync(path: unknown, uid: unknown, gid: unknown): void {
    this.chown(pathArg(path), intArg(uid, 'uid'), intArg(gid, 'gid'), true, 'chown');
  }

  /** lchownSync: lchown(2): a symlink itself (B16). */
  lchownSync(path: unknown, uid: unknown, gid: unknown): void {
    this.chown(pathArg(path), intArg(uid, 'uid'), intArg(gid, 'gid'), false, 'lchown');
  }

  private chown(path: string, uid: number, gid: number, follow: boolean, syscall: string): void {
    const allowed = (inode: Inode): boolean => this.creds.uid === 0
      || (inode.uid === this.creds.uid && (uid === -1 || uid === inode.uid) && (gid === -1 || gid === this.creds.gid || (this.creds.groups ?? []).includes(gid)));
    this.changeMeta(path, syscall, follow, (inode) => {
      if (uid !== -1) inode.uid = uid;
      if (gid !== -1) inode.gid = gid;
      // chown(2) clears set-user-ID (and group-executable set-group-ID) bits of regular files.
      if (inode.type === 'file') inode.mode &= (inode.mode & 0o010) ? ~0o6000 : ~0o4000;
    }, allowed);
  }

  /** utimesSync: utimes(2); copies up and sets both times (B09). */
  utimesSync(path: unknown, atime: unknown, mtime: unknown): void {
    const a = timeArg(atime, 'atime');
    const m = timeArg(mtime, 'mtime');
    this.changeMeta(pathArg(path), 'utime', true, (inode) => { inode.atimeMs = a; inode.mtimeMs = m; });
  }

  /** lutimesSync: utimes of a symlink itself. */
  lutimesSync(path: unknown, atime: unknown, mtime: unknown): void {
    const a = timeArg(atime, 'atime');
    const m = timeArg(mtime, 'mtime');
    this.changeMeta(pathArg(path), 'lutime', false, (inode) => { inode.atimeMs = a; inode.mtimeMs = m; });
  }

  // ---- extended attributes (node:fs has none: named after the system calls) -----------------

  /** getxattr: one extended attribute's value; ENODATA when absent. The layers' overlay xattrs are invisible (A06). */
  getxattr(path: unknown, name: string): Buffer {
    const p = pathArg(path);
    return this.check(getXattr(this.stack, this.node(p, 'getxattr'), name, this.creds), 'getxattr', p);
  }

  /** lgetxattr: getxattr of a symlink itself. */
  lgetxattr(path: unknown, name: string): Buffer {
    const p = pathArg(path);
    return this.check(getXattr(this.stack, this.node(p, 'lgetxattr', false), name, this.creds), 'lgetxattr', p);
  }

  /** listxattr: the names of a file's extended attributes, as the merged view shows them. */
  listxattr(path: unknown): string[] {
    const p = pathArg(path);
    return listXattrs(this.stack, this.node(p, 'listxattr'), this.creds);
  }

  /** llistxattr: listxattr of a symlink itself. */
  llistxattr(path: unknown): string[] {
    const p = pathArg(path);
    return listXattrs(this.stack, this.node(p, 'llistxattr', false), this.creds);
  }

  /** setxattr: sets an attribute (copies up). `trusted.overlay.*` is stored escaped, not obeyed (B20). */
  setxattr(path: unknown, name: string, value: string | Uint8Array): void {
    const p = pathArg(path);
    const node = this.node(p, 'setxattr');
    if (!this.stack.upper) throw fsError('EROFS', 'setxattr', p);
    this.check(setXattr(this.stack, node, name, dataArg(value), this.creds), 'setxattr', p);
  }
}

/** uuidFor: a stable 16-byte uuid for an upper's first mount, so lessons print the same bytes each run. */
function uuidFor(seed: number): Buffer {
  const bytes = Buffer.alloc(16);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < 16; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; bytes[i] = x & 0xff; }
  return bytes;
}

export type { FsError };
