// An image's root filesystem: its layers stacked read-only, and a walk of it as plain data — what
// `layerlab tree` prints and what the real-tool tests compare with an unpacked rootfs.
import { createHash } from 'node:crypto';
import { mount, type DirLike, type OverlayMount } from '../overlay/mount';
import { Tree } from '../overlay/tree';
import type { Image } from '../image/image';
import type { Stats } from '../overlay/stats';

/**
 * RootfsEntry: one path of a root filesystem (`layerlab tree --json` shape).
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const [entry]: RootfsEntry[] = rootfsEntries(imageRootfs(image));
 * [entry.path, entry.mode, entry.sha256 === sha256Hex(new TextEncoder().encode('hi\n'))] // → [ '/hi.txt', '0644', true ]
 */
export interface RootfsEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo';
  mode: string;
  uid: number;
  gid: number;
  size: number;
  target?: string;
  sha256?: string;
}

/**
 * imageRootfs: the image's layers as one read-only view (`lowerdir=` top first, no upper).
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * const rootfs = imageRootfs(image);
 * [rootfs.readFileSync('/hi.txt', 'utf8'), rootfs.existsSync('/bin/sh')] // → [ 'hi\n', true ]
 */
export function imageRootfs(image: Image): OverlayMount {
  return readOnlyView([...image.layers].reverse().map((layer) => layer.tree));
}

/** readOnlyView: layers (top first) stacked without an upper, as `mount -t overlay -o lowerdir=…` alone. */
export function readOnlyView(layers: DirLike[]): OverlayMount {
  const lowers = layers.slice();
  // The kernel wants two lowers for an upper-less mount; an empty layer completes a shorter stack.
  while (lowers.length < 2) lowers.push(new Tree(lowers[0]?.disk).freeze());
  return mount({ lowers });
}

const TYPES: [(s: Stats) => boolean, RootfsEntry['type']][] = [
  [(s) => s.isFile(), 'file'], [(s) => s.isDirectory(), 'dir'], [(s) => s.isSymbolicLink(), 'symlink'],
  [(s) => s.isCharacterDevice(), 'char'], [(s) => s.isBlockDevice(), 'block'], [(s) => s.isFIFO(), 'fifo'],
];

/**
 * rootfsEntries lists every path of a mounted root filesystem, sorted by path ('/' excluded).
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY app /app/\n', { context: { 'app/main.sh': 'echo hi\n' } });
 * rootfsEntries(imageRootfs(image)).map((e) => `${e.path} ${e.type}`) // → [ '/app dir', '/app/main.sh file' ]
 */
export function rootfsEntries(view: OverlayMount): RootfsEntry[] {
  const entries: RootfsEntry[] = [];
  const walk = (dir: string): void => {
    for (const name of view.readdirSync(dir) as string[]) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const stats = view.lstatSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      entries.push(entryOf(view, path, stats));
      if (stats.isDirectory()) walk(path);
    }
  };
  walk('/');
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function entryOf(view: OverlayMount, path: string, stats: Stats): RootfsEntry {
  const type = TYPES.find(([test]) => test(stats))![1];
  const entry: RootfsEntry = { path, type, mode: (stats.mode & 0o7777).toString(8).padStart(4, '0'), uid: stats.uid, gid: stats.gid, size: type === 'dir' ? 0 : stats.size };
  if (type === 'symlink') entry.target = view.readlinkSync(path);
  if (type === 'file') entry.sha256 = createHash('sha256').update(view.readFileSync(path) as Buffer).digest('hex');
  return entry;
}

/**
 * renderRootfs: one line per path — type letter, mode, owner, size, path (and -> target).
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * renderRootfs(rootfsEntries(imageRootfs(image))) // → - 0644 0:0         3 /hi.txt
 */
export function renderRootfs(entries: RootfsEntry[]): string {
  const letter: Record<RootfsEntry['type'], string> = { file: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p' };
  return entries.map((e) => `${letter[e.type]} ${e.mode} ${e.uid}:${e.gid} ${String(e.size).padStart(9)} ${e.path}${e.target !== undefined ? ` -> ${e.target}` : ''}`).join('\n');
}
