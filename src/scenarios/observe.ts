// How the runner describes what it sees, in the kernel runner's terms: stat results with the layer
// an inode number comes from (`ino_src`), the merged tree in compact notation, and whether a raw
// readdir order follows the kernel's rule or the documentation's wording (A14).
import type { Inode } from '../overlay/tree';
import type { OverlayMount } from '../overlay/mount';
import type { Stats } from '../overlay/stats';
import { Compact, overlayMarks, withMarks } from '../overlay/compact';
import { isFsError } from '../overlay/errors';
import { isCharWhiteout, isOpaque } from '../overlay/real';
import type { Host, MountData } from './host';

const TYPES: Record<number, string> = { 0o100000: 'file', 0o040000: 'dir', 0o120000: 'symlink', 0o020000: 'char', 0o060000: 'block', 0o010000: 'fifo' };

/** Layers as the catalog names them, top first: upper, l0, l1, … */
function layers(host: Host, data: MountData): [string, Inode | undefined][] {
  const named: [string, Inode | undefined][] = data.upper ? [['upper', host.dir(data.upper)]] : [];
  return named.concat(data.lowers.map((path, i): [string, Inode | undefined] => [`l${i}`, host.dir(path)]));
}

function walk(root: Inode | undefined, path: string): Inode | undefined {
  let node = root;
  for (const part of path.split('/').filter(Boolean)) node = node?.entries?.get(part);
  return node;
}

/** describeStat: type, mode, nlink, owner, size, where st_ino comes from, and which st_dev. */
export function describeStat(host: Host, data: MountData, mount: OverlayMount, path: string, stats: Stats): Record<string, unknown> {
  const overlayDev = mount.statSync('/')!.dev;
  return {
    type: TYPES[stats.mode & 0o170000], mode: (stats.mode & 0o7777).toString(8).padStart(4, '0'),
    nlink: stats.nlink, uid: stats.uid, gid: stats.gid, size: stats.size,
    ino_src: inoSource(host, data, path, stats.ino), dev: stats.dev === overlayDev ? 'overlay' : 'other',
    ino_high_bits: stats.ino >= 2 ** 32,
  };
}

function inoSource(host: Host, data: MountData, path: string, ino: number): string[] {
  const all = layers(host, data);
  const same = all.filter(([, root]) => walk(root, path)?.ino === ino).map(([name]) => name);
  if (same.length) return same;
  for (const [name, root] of all) {
    const found = root && findIno(root, ino, '');
    if (found !== undefined) return [`${name}:${found}`];
  }
  return [`none(0x${ino.toString(16)})`];
}

function findIno(dir: Inode, ino: number, prefix: string): string | undefined {
  for (const [name, child] of dir.entries ?? []) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.ino === ino) return path;
    const deeper = child.type === 'dir' ? findIno(child, ino, path) : undefined;
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** mergedCompact: the merged tree as the mount shows it; names listed but not reachable are "!ERRNO". */
export function mergedCompact(mount: OverlayMount, path: string): Record<string, Compact> {
  const out: Record<string, Compact> = {};
  for (const name of mount.readdirSync(path) as string[]) {
    const child = path === '/' ? `/${name}` : `${path}/${name}`;
    out[name] = describeEntry(mount, child);
  }
  return out;
}

function describeEntry(mount: OverlayMount, path: string): Compact {
  let stats: Stats;
  try {
    stats = mount.lstatSync(path)!;
  } catch (error) {
    if (isFsError(error)) return '!' + error.code;
    throw error;
  }
  const marks = overlayMarks(mount.llistxattr(path), (name) => mount.lgetxattr(path, name).toString('latin1'));
  if (stats.isDirectory()) return Object.assign(mergedCompact(mount, path), marks);
  return withMarks(leafOfStats(mount, path, stats), marks);
}

function leafOfStats(mount: OverlayMount, path: string, stats: Stats): string {
  if (stats.isSymbolicLink()) return '->' + mount.readlinkSync(path);
  if (stats.isCharacterDevice()) return stats.rdev === 0 ? 'WHITEOUT' : `CHR:${Math.floor(stats.rdev / 256)}:${stats.rdev % 256}`;
  if (stats.isBlockDevice()) return `BLK:${Math.floor(stats.rdev / 256)}:${stats.rdev % 256}`;
  if (stats.isFIFO()) return 'FIFO';
  return mount.readFileSync(path, 'utf8') as string;
}

/**
 * readdirOrder compares the mount's raw listing with two orders computed here, independently of the
 * engine, from the real directories: the kernel's (lowest layer first, then upper, then the middle
 * layers) and the documentation's wording (upper first, then each lower from the top).
 */
export function readdirOrder(host: Host, data: MountData, mount: OverlayMount, path: string): Record<string, boolean> {
  const dirs: Inode[] = [];
  for (const [, root] of layers(host, data)) {
    const dir = walk(root, path);
    if (!dir || dir.type !== 'dir') continue;
    dirs.push(dir);
    if (isOpaque(dir, 'trusted.overlay.')) break;
  }
  const hidden = new Set<string>();
  const decided = new Set<string>();
  for (const dir of dirs) {
    for (const [name, inode] of dir.entries!) {
      if (decided.has(name)) continue;
      decided.add(name);
      if (isCharWhiteout(inode)) hidden.add(name);
    }
  }
  const visible = (names: string[]): string[] => names.filter((name) => !hidden.has(name));
  const unique = (names: string[]): string[] => [...new Set(names)];
  const names = (dir: Inode): string[] => [...dir.entries!.keys()];
  const lowest = dirs.length > 1 ? names(dirs[dirs.length - 1]) : [];
  const kernel = visible(unique([...lowest, ...dirs.slice(0, dirs.length > 1 ? -1 : undefined).flatMap(names)]));
  const doc = visible(unique(dirs.flatMap(names)));
  const actual = mount.readdirSync(path) as string[];
  const same = (a: string[]): boolean => a.length === actual.length && a.every((name, i) => name === actual[i]);
  return { matches_kernel_order: same(kernel), matches_doc_order: same(doc) };
}
