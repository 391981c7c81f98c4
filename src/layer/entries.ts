// A directory tree as tar entries, in the kernel's forms (whiteouts as char 0:0, opaque as an
// xattr): what go-archive's walker sees in an overlay2 diff directory before ConvertWrite.
import type { TarEntry } from './tar/entry';
import type { Inode } from '../overlay/tree';
import { major, minor } from '../overlay/tree';
import { byteOrderFor } from './tar/go-rules';

/** TreeVisitor: told, during entriesOfTree's walk, of each entry as it is listed and each file's bytes. */
export interface TreeVisitor {
  onEntry?: (entry: TarEntry) => void;
  onFile?: (inode: Inode, data: Uint8Array) => void;
}

/**
 * entriesOfTree lists every object under `root` in walk order: each directory sorted by name,
 * parents before children, as Go's filepath.Walk meets them. A second name of an inode already
 * listed becomes a hard link to the first, as Docker's tar writer does (so the link follows its
 * target in the tar). `visit` is told of each entry (and each file's inode and bytes) as it goes.
 *
 * @example
 * entriesOfTree(treeFromCompact({ etc: { motd: 'hi\n' }, bin: {} }).root).map((e) => e.name) // → [ 'bin/', 'etc/', 'etc/motd' ]
 */
export function entriesOfTree(root: Inode, visit: TreeVisitor = {}): TarEntry[] {
  const entries: TarEntry[] = [];
  const seen = new Map<Inode, string>();
  walk(root, '', entries, seen, visit);
  return entries;
}

function walk(dir: Inode, prefix: string, entries: TarEntry[], seen: Map<Inode, string>, visit: TreeVisitor): void {
  for (const name of sortedNames(dir)) {
    const inode = dir.entries!.get(name)!;
    const path = prefix + name;
    const entry = entryOf(path, inode, seen);
    entries.push(entry);
    if (entry.type === 'file') visit.onFile?.(inode, entry.data!);
    visit.onEntry?.(entry);
    if (inode.type === 'dir') walk(inode, path + '/', entries, seen, visit);
  }
}

/** A directory's names sorted byte by byte in UTF-8, as Go sorts them. */
function sortedNames(dir: Inode): string[] {
  const names = [...dir.entries!.keys()];
  return names.sort(byteOrderFor(names));
}

function entryOf(path: string, inode: Inode, seen: Map<Inode, string>): TarEntry {
  const name = inode.type === 'dir' ? path + '/' : path;
  const { mode, uid, gid } = inode;
  const mtime = Math.floor(inode.mtimeMs / 1000);
  // Only an inode with more than one name can be met twice. Kernel whiteouts are links of one
  // shared inode; Docker's ConvertWrite turns each back into its own `.wh.` file instead of a hard
  // link (overlayfs.md section 4).
  const whiteout = inode.type === 'char' && inode.rdev === 0;
  if (inode.type !== 'dir' && inode.nlink > 1 && !whiteout) {
    const first = seen.get(inode);
    if (first !== undefined) return { name, mode, uid, gid, mtime, size: 0, type: 'hardlink', linkname: first };
    seen.set(inode, path);
  }
  const entry = entryOfType(inode, { name, mode, uid, gid, mtime });
  if (inode.xattrs.size > 0) entry.xattrs = Object.fromEntries([...inode.xattrs].map(([key, value]) => [key, new Uint8Array(value)]));
  return entry;
}

// The entry for each kind of object, written out as one literal each (the same keys in the same
// order): an entry is made for every object of every layer a build commits.
function entryOfType(inode: Inode, { name, mode, uid, gid, mtime }: Pick<TarEntry, 'name' | 'mode' | 'uid' | 'gid' | 'mtime'>): TarEntry {
  switch (inode.type) {
    case 'file': {
      // Bytes a file holds as a view never change (a write gives the file its own copy first), so
      // the entry takes the view itself; bytes in memfs are read out as a copy.
      const data = inode.view ?? inode.disk.readData(inode);
      return { name, mode, uid, gid, mtime, size: data.length, type: 'file', data };
    }
    case 'symlink': return { name, mode, uid, gid, mtime, size: 0, type: 'symlink', linkname: inode.target ?? '' };
    case 'char': case 'block': return { name, mode, uid, gid, mtime, size: 0, type: inode.type, devmajor: major(inode.rdev), devminor: minor(inode.rdev) };
    default: return { name, mode, uid, gid, mtime, size: 0, type: inode.type };
  }
}
