// One line per path of a root filesystem — type, mode, owner, size, content sha256 or symlink
// target — so that two trees can be compared path by path: layerlab's merged view with a real
// directory (umoci's unpack, a kernel overlay mount). The same idea as tree_compare.py in
// formats.md section 6; mtimes are left out (they are not what a layer is about).
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { joinPath, type MergedView } from './merged-view';

/**
 * TreeRow: one path of a tree. `content` is the sha256 of a file, the target of a symlink,
 * `major:minor` of a device, '' otherwise.
 *
 * @example
 * const row: TreeRow = { path: '/etc/conf', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 10, content: '/app/a.txt' };
 */
export interface TreeRow {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo' | 'socket';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  content: string;
}

interface StatLike {
  mode: number; uid: number; gid: number; size: number; rdev: number;
  isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean;
}

function rowOf(path: string, s: StatLike, read: () => Uint8Array, link: () => string): TreeRow {
  const type: TreeRow['type'] = s.isFile() ? 'file' : s.isDirectory() ? 'dir' : s.isSymbolicLink() ? 'symlink'
    : s.isCharacterDevice() ? 'char' : s.isBlockDevice() ? 'block' : s.isFIFO() ? 'fifo' : 'socket';
  const content = type === 'file' ? createHash('sha256').update(read()).digest('hex')
    : type === 'symlink' ? link() : type === 'char' || type === 'block' ? `${Math.floor(s.rdev / 256)}:${s.rdev % 256}` : '';
  return { path, type, mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, size: type === 'dir' ? 0 : s.size, content };
}

/**
 * listMergedView lists every path of a merged view (the root itself excluded), sorted.
 *
 * @example
 * listMergedView(mergedView(image.layers)!)
 */
export function listMergedView(view: MergedView, dir = '/'): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const name of view.readdir(dir)) {
    const path = joinPath(dir, name);
    const stats = view.lstat(path)!;
    rows.push(rowOf(path, stats, () => view.readFile(path), () => view.readlink(path)));
    if (stats.isDirectory()) rows.push(...listMergedView(view, path));
  }
  return rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * listDirectory lists every path under a real directory without following symlinks, sorted,
 * with paths written from the directory as '/'.
 *
 * @example
 * listDirectory('/tmp/rootfs')
 */
export function listDirectory(root: string, dir = '/'): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = joinPath(dir, name);
    const real = join(root, path);
    const stats = lstatSync(real);
    rows.push(rowOf(path, stats, () => readFileSync(real), () => readlinkSync(real)));
    if (stats.isDirectory()) rows.push(...listDirectory(root, path));
  }
  return rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * compareListings returns one line per difference ('+ path …' only in `actual`, '- path …' only
 * in `expected`, '~ path: field a → b'), empty when the trees agree. `ignore` drops fields.
 *
 * @example
 * compareListings(listMergedView(view), listDirectory('/tmp/rootfs')) // []
 */
export function compareListings(expected: TreeRow[], actual: TreeRow[], { ignore = [] }: { ignore?: (keyof TreeRow)[] } = {}): string[] {
  const byPath = new Map(actual.map((r) => [r.path, r]));
  const out: string[] = [];
  for (const row of expected) {
    const other = byPath.get(row.path);
    byPath.delete(row.path);
    if (!other) { out.push(`- ${row.path} (${row.type})`); continue; }
    for (const key of ['type', 'mode', 'uid', 'gid', 'size', 'content'] as const) {
      if (!ignore.includes(key) && row[key] !== other[key]) out.push(`~ ${row.path}: ${key} ${show(key, row[key])} → ${show(key, other[key])}`);
    }
  }
  for (const row of byPath.values()) out.push(`+ ${row.path} (${row.type})`);
  return out;
}

function show(key: string, value: string | number): string {
  return key === 'mode' ? (value as number).toString(8).padStart(4, '0') : String(value);
}
