// Applying a layer tar to an empty directory, as Docker's overlay2 driver does in ApplyDiff
// (overlayfs.md section 4 "Applying an image layer"): OCI whiteouts become the kernel's forms —
// `.wh.NAME` a char device 0:0, `DIR/.wh..wh..opq` the xattr trusted.overlay.opaque=y — so the
// directory can be stacked as a lowerdir.
import type { TarEntry } from './tar/entry';
import { Disk, Inode, Tree, makedev } from '../overlay/tree';
import { addEntry, removeEntry } from '../overlay/entries';
import { UnsafeLayerEntryError } from './errors';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const OPAQUE_XATTR = 'trusted.overlay.opaque';

/**
 * layerPath cleans a tar entry name into path components, refusing names that would leave the
 * layer ('..' climbing above the root). Absolute names are taken relative to the root, as Docker does.
 */
export function layerPath(name: string): string[] {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new UnsafeLayerEntryError({ entry: name, reason: "climbs out of the layer with '..'" });
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts;
}

/**
 * AttachData gives a new file inode its bytes (`data` is the entry's data, a view into the tar).
 * By default the file keeps that view (Disk.attachData); a layer whose tar is read on demand
 * records where the bytes are instead (Disk.attachExtent).
 */
export type AttachData = (inode: Inode, data: Uint8Array) => void;

/** treeFromEntries builds the kernel-form directory of a layer from its tar entries. */
export function treeFromEntries(entries: Iterable<TarEntry>, disk: Disk = new Disk(), attach: AttachData = (inode, data) => disk.attachData(inode, data)): Tree {
  const tree = new Tree(disk);
  const byPath = new Map<string, Inode>([['', tree.root]]);
  const dirTimes: [Inode, number][] = [];
  for (const entry of entries) {
    const inode = applyEntry(tree, byPath, entry, attach);
    if (entry.type === 'dir' && inode) dirTimes.push([inode, entry.mtime * 1000]);
  }
  // Creating children moves a directory's mtime, so directory times are set last, as Docker's
  // untar does, and the layer shows the times its tar recorded.
  for (const [dir, mtimeMs] of dirTimes) dir.mtimeMs = dir.atimeMs = mtimeMs;
  return tree;
}

// Applies one entry; returns the inode the entry's name now holds (undefined for markers).
function applyEntry(tree: Tree, byPath: Map<string, Inode>, entry: TarEntry, attach: AttachData): Inode | undefined {
  const parts = layerPath(entry.name);
  if (parts.length === 0) { applyMetadata(tree.root, entry); return tree.root; }   // a root entry ('./', kaniko's '/')
  const base = parts[parts.length - 1];
  const dir = ensureDir(tree, byPath, parts.slice(0, -1));
  if (base === OPAQUE) { dir.xattrs.set(OPAQUE_XATTR, Buffer.from('y')); return undefined; }
  if (base.startsWith(WHITEOUT + WHITEOUT)) return undefined;         // AUFS metadata (.wh..wh.plnk): skipped
  if (base.startsWith(WHITEOUT)) { putWhiteout(dir, base.slice(WHITEOUT.length), entry); return undefined; }
  const path = parts.join('/');
  const existing = dir.entries!.get(base);
  if (existing && existing.type === 'dir' && entry.type === 'dir') { applyMetadata(existing, entry); return existing; }
  if (existing) { removeEntry(dir, base); forget(byPath, path); }
  const inode = entry.type === 'hardlink' ? linkTarget(byPath, entry) : newInode(dir.disk, entry, attach);
  if (entry.type === 'hardlink') inode.nlink++;
  addEntry(dir, base, inode);
  byPath.set(path, inode);
  return inode;
}

/** putWhiteout: `.wh.NAME` becomes a char 0:0 device named NAME, owned as the entry says. */
function putWhiteout(dir: Inode, name: string, entry: TarEntry): void {
  if (name === '' || name === '.' || name === '..') throw new UnsafeLayerEntryError({ entry: entry.name, reason: 'is an invalid whiteout entry' });
  const whiteout = dir.disk.newInode('char', 0, entry.uid, entry.gid);
  whiteout.mtimeMs = entry.mtime * 1000;
  if (dir.entries!.has(name)) removeEntry(dir, name);
  addEntry(dir, name, whiteout);
}

function ensureDir(tree: Tree, byPath: Map<string, Inode>, parts: string[]): Inode {
  // Tars list a directory before what it holds, so the parent is almost always known already
  // (and byPath never keeps a path whose ancestors were replaced: see forget).
  const known = byPath.get(parts.join('/'));
  if (known?.type === 'dir') return known;
  let dir = tree.root;
  for (let i = 0; i < parts.length; i++) {
    const path = parts.slice(0, i + 1).join('/');
    let next = byPath.get(path) ?? dir.entries!.get(parts[i]);
    if (!next || next.type !== 'dir') {
      // Docker creates missing parents with mode 0755 (and replaces a non-directory in the way).
      if (next) removeEntry(dir, parts[i]);
      next = dir.disk.newInode('dir', 0o755);
      addEntry(dir, parts[i], next);
    }
    byPath.set(path, next);
    dir = next;
  }
  return dir;
}

function linkTarget(byPath: Map<string, Inode>, entry: TarEntry): Inode {
  const target = byPath.get(layerPath(entry.linkname ?? '').join('/'));
  if (!target || target.type === 'dir') throw new UnsafeLayerEntryError({ entry: entry.name, reason: `is a hard link to '${entry.linkname}', which is not an earlier file of this layer` });
  return target;
}

function forget(byPath: Map<string, Inode>, path: string): void {
  for (const key of [...byPath.keys()]) if (key === path || key.startsWith(path + '/')) byPath.delete(key);
}

function newInode(disk: Disk, entry: TarEntry, attach: AttachData): Inode {
  const type = entry.type === 'hardlink' ? 'file' : entry.type;
  const inode = disk.newInode(type, entry.mode & 0o7777, entry.uid, entry.gid);
  if (type === 'file' && entry.data && entry.data.length > 0) attach(inode, entry.data);
  if (type === 'symlink') inode.target = entry.linkname ?? '';
  if (type === 'char' || type === 'block') inode.rdev = makedev(entry.devmajor ?? 0, entry.devminor ?? 0);
  applyMetadata(inode, entry);
  return inode;
}

function applyMetadata(inode: Inode, entry: TarEntry): void {
  inode.mode = entry.mode & 0o7777;
  inode.uid = entry.uid;
  inode.gid = entry.gid;
  inode.mtimeMs = inode.atimeMs = entry.mtime * 1000;
  for (const [name, value] of Object.entries(entry.xattrs ?? {})) inode.xattrs.set(name, Buffer.from(value));
}
