// The compact tree notation of the scenario catalog (spec/scenario-runner.md), both ways:
//   "text" a file (0644), "->t" a symlink, "WHITEOUT" a char device 0:0, {…} a directory whose
//   "@key" entries are overlay xattrs, {"type": …} an explicit node (mode, uid, gid, xattrs, content…).
// Lessons and tests use it to write small layers by hand; the runner uses it to print trees.
import type { Disk, FileType, Inode } from './tree';
import { Tree, major, makedev, minor } from './tree';
import { addEntry } from './entries';

/**
 * Compact: the compact notation for a small tree: a string is a file, '->target' a symlink,
 * 'WHITEOUT' a whiteout (char 0:0), an object a directory ('@opaque': 'y' sets an overlay xattr).
 * @example
 * const files: Record<string, Compact> = { etc: { motd: 'hi\n', mtab: '->/proc/mounts' }, gone: 'WHITEOUT' };
 * treeFromCompact(files).walk('/etc/mtab')!.target // → /proc/mounts
 */
export type Compact = string | number | { [name: string]: Compact } | null;

const EXPLICIT_TYPES = new Set(['file', 'dir', 'symlink', 'whiteout', 'xwhiteout', 'hardlink', 'char', 'block', 'fifo']);
/** Overlay xattrs the compact trees leave out: bookkeeping that says nothing about the tree's meaning. */
const BOOKKEEPING = new Set(['origin', 'impure', 'uuid', 'nlink', 'upper']);
const PREFIX = 'trusted.overlay.';

type Explicit = { type: string; mode?: string; uid?: number; gid?: number; xattrs?: Record<string, string>; content?: string; target?: string; children?: Record<string, Compact>; to?: string; major?: number; minor?: number };

function isExplicit(value: Compact): value is Compact & Explicit {
  return typeof value === 'object' && value !== null && typeof value.type === 'string' && EXPLICIT_TYPES.has(value.type as string);
}

/**
 * treeFromCompact builds a tree (on `disk`, or a new one) from compact notation.
 * @example
 * const tree = treeFromCompact({ etc: { motd: 'hi', mtab: '->/proc/mounts' }, gone: 'WHITEOUT' });
 * [tree.walk('/etc/mtab')!.type, tree.walk('/gone')!.type] // → [ 'symlink', 'char' ]
 */
export function treeFromCompact(compact: Record<string, Compact>, disk?: Disk): Tree {
  const tree = new Tree(disk);
  fillDir(tree.root, compact, tree.root);
  return tree;
}

/** fillDir adds compact `children` to the real directory `dir` (hard links resolved against `root`). */
export function fillDir(dir: Inode, children: Record<string, Compact>, root: Inode): void {
  const links: [string, Explicit][] = [];
  for (const [name, value] of Object.entries(children)) {
    if (name.startsWith('@')) { dir.xattrs.set(PREFIX + name.slice(1), Buffer.from(String(value))); continue; }
    if (isExplicit(value) && value.type === 'hardlink') { links.push([name, value]); continue; }
    addEntry(dir, name, makeNode(dir.disk, value, root));
  }
  for (const [name, value] of links) {
    const target = walk(root, value.to!);
    if (!target) throw new Error(`compact tree: hard link ${name} -> ${value.to}: no such entry`);
    target.nlink++;
    addEntry(dir, name, target);
  }
}

function walk(root: Inode, path: string): Inode | undefined {
  let node: Inode | undefined = root;
  for (const part of path.split('/').filter(Boolean)) node = node?.entries?.get(part);
  return node;
}

function makeNode(disk: Disk, value: Compact, root: Inode): Inode {
  if (typeof value === 'string') return fromString(disk, value);
  if (value === null || typeof value === 'number') throw new Error(`compact tree: ${value} is not a node`);
  if (!isExplicit(value)) {
    const dir = disk.newInode('dir', 0o755);
    fillDir(dir, value, root);
    return dir;
  }
  return fromExplicit(disk, value, root);
}

function fromString(disk: Disk, value: string): Inode {
  if (value === 'WHITEOUT') return disk.newInode('char', 0);
  if (value.startsWith('->')) {
    const link = disk.newInode('symlink', 0o777);
    link.target = value.slice(2);
    return link;
  }
  const file = disk.newInode('file', 0o644);
  if (value.length > 0) disk.writeData(file, Buffer.from(value), 0);
  return file;
}

function fromExplicit(disk: Disk, value: Explicit, root: Inode): Inode {
  const types: Record<string, FileType> = { whiteout: 'char', xwhiteout: 'file' };
  const type = types[value.type] ?? (value.type as FileType);
  const defaults: Record<FileType, number> = { file: 0o644, dir: 0o755, symlink: 0o777, char: 0, block: 0o644, fifo: 0o644 };
  const mode = value.mode !== undefined ? parseInt(value.mode, 8) : value.type === 'whiteout' ? 0 : defaults[type];
  const inode = disk.newInode(type, mode, value.uid ?? 0, value.gid ?? 0);
  for (const [name, text] of Object.entries(value.xattrs ?? {})) inode.xattrs.set(name, Buffer.from(text));
  if (value.type === 'xwhiteout') inode.xattrs.set(PREFIX + 'whiteout', Buffer.from('y'));
  if (type === 'file' && value.content) disk.writeData(inode, Buffer.from(value.content), 0);
  if (type === 'symlink') inode.target = value.target;
  if (type === 'char' || type === 'block') inode.rdev = makedev(value.major ?? 0, value.minor ?? 0);
  if (type === 'dir') fillDir(inode, value.children ?? {}, root);
  return inode;
}

/** overlayKey: how an overlay xattr shows in compact notation ("@opaque", "@escaped-opaque", "@xwhiteout"). */
export function overlayKey(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const rest = name.slice(PREFIX.length);
  if (BOOKKEEPING.has(rest)) return undefined;
  if (rest.startsWith('overlay.')) return '@escaped-' + rest.slice('overlay.'.length);
  return rest === 'whiteout' ? '@xwhiteout' : '@' + rest;
}

/**
 * compactOfInode: a real object (and everything below it) in compact notation.
 * @example
 * const tree = treeFromCompact({ etc: { motd: 'hi', mtab: '->/proc/mounts' }, gone: 'WHITEOUT' });
 * compactOfInode(tree.root) // → { etc: { motd: 'hi', mtab: '->/proc/mounts' }, gone: 'WHITEOUT' }
 */
export function compactOfInode(inode: Inode): Compact {
  const marks = overlayMarks(inode.xattrs.keys(), (name) => inode.xattrs.get(name)!.toString('latin1'));
  if (inode.type === 'dir') {
    const out: Record<string, Compact> = {};
    for (const [name, child] of inode.entries!) out[name] = compactOfInode(child);
    return Object.assign(out, marks);
  }
  return withMarks(leafOf(inode), marks);
}

/** leafOf: a non-directory's compact form. */
export function leafOf(inode: Inode): string {
  switch (inode.type) {
    case 'symlink': return '->' + inode.target;
    case 'char': return inode.rdev === 0 ? 'WHITEOUT' : `CHR:${major(inode.rdev)}:${minor(inode.rdev)}`;
    case 'block': return `BLK:${major(inode.rdev)}:${minor(inode.rdev)}`;
    case 'fifo': return 'FIFO';
    default: return inode.disk.readData(inode).toString('utf8');
  }
}

/** overlayMarks: the "@key" entries for a set of xattr names. */
export function overlayMarks(names: Iterable<string>, value: (name: string) => string): Record<string, string> {
  const marks: Record<string, string> = {};
  for (const name of names) {
    const key = overlayKey(name);
    if (key) marks[key] = value(name);
  }
  return marks;
}

/** withMarks: a leaf with overlay xattrs becomes {"@file": content, "@key": value…}. */
export function withMarks(leaf: string, marks: Record<string, string>): Compact {
  return Object.keys(marks).length === 0 ? leaf : { '@file': leaf, ...marks };
}
