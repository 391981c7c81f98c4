// The image the import benchmark reads, as plain data: seeded layers of tar entries shaped like a
// real distribution image — nested package directories, file sizes from a few bytes to a few tens
// of kilobytes, half text and half binary-looking data (so gzip does what it does on real layers),
// and higher layers that replace or delete some files of the layers below (spec formats.md §3.2).
//
// File contents are views into two seeded pools (random bytes, and text made of words), so planning
// 50,000 files costs a few hundred milliseconds and no copies; the layer tars copy them once.
import { createCipheriv, createHash } from 'node:crypto';
import type { TarEntry } from '../../src/layer/tar/index';
import { seededRandom, Random } from '../harness/random';

/** ArchiveSize: how many regular files over how many layers, and about how many bytes of content. */
export interface ArchiveSize {
  files: number;
  layers: number;
  contentBytes: number;
  seed: number;
}

/**
 * FULL_ARCHIVE / QUICK_ARCHIVE: the archive (about 50,000 files over 10 layers, over 200 MB
 * as a `docker save` tar), and the tenth-size one --quick uses.
 * @example planArchive(QUICK_ARCHIVE).layers.length  // 10
 */
export const FULL_ARCHIVE: ArchiveSize = { files: 50_000, layers: 10, contentBytes: 205 * 1024 * 1024, seed: 5 };
export const QUICK_ARCHIVE: ArchiveSize = { files: 5_000, layers: 10, contentBytes: 20 * 1024 * 1024, seed: 5 };

/** ArchivePlan: each layer's entries (bottom layer first) and what they add up to. */
export interface ArchivePlan {
  size: ArchiveSize;
  layers: TarEntry[][];
  counts: { files: number; replaced: number; whiteouts: number; symlinks: number; contentBytes: number };
}

/** The share of a higher layer's files that replace a lower file, and the lower files it deletes. */
export const REPLACED_SHARE = 0.05;
export const WHITEOUT_SHARE = 0.01;
const MTIME = 1700000000;
const POOL_BYTES = 8 * 1024 * 1024;

/**
 * planArchive lays out `size.files` regular files over `size.layers` layers; the same size always
 * gives the same entries, byte for byte.
 * @example const plan = planArchive({ files: 100, layers: 2, contentBytes: 100_000, seed: 1 }); plan.counts.files  // 100
 */
export function planArchive(size: ArchiveSize): ArchivePlan {
  const random = seededRandom(size.seed);
  const state: PlanState = {
    random, placed: [], gone: new Set(),
    pools: { binary: randomPool(size.seed, POOL_BYTES), text: textPool(random, POOL_BYTES) },
    sizes: fileSizes(random, size.files, size.contentBytes),
    dirs: Array.from({ length: Math.max(1, Math.ceil(size.files / 40)) }, (_, i) => dirName(random, i)),
    counts: { files: 0, replaced: 0, whiteouts: 0, symlinks: 0, contentBytes: 0 },
  };
  const layers: TarEntry[][] = [];
  for (let l = 0; l < size.layers; l++) {
    const first = Math.floor((l * size.files) / size.layers);
    const last = Math.floor(((l + 1) * size.files) / size.layers);
    layers.push(withParents(planLayer(state, l, first, last)));
  }
  return { size, layers, counts: state.counts };
}

/** PlanState: what the layers planned so far left behind. */
interface PlanState {
  random: Random;
  /** The file paths each planned layer wrote, bottom first. */
  placed: string[][];
  /** Paths a whiteout deleted (never replaced or deleted again). */
  gone: Set<string>;
  pools: { binary: Uint8Array; text: Uint8Array };
  sizes: number[];
  dirs: string[];
  counts: ArchivePlan['counts'];
}

/** planLayer: files first..last-1 (a few of them replacing lower files), then whiteouts or symlinks. */
function planLayer(state: PlanState, l: number, first: number, last: number): TarEntry[] {
  const { random, counts } = state;
  const entries: TarEntry[] = [];
  const taken = new Set<string>();
  for (let i = first; i < last; i++) {
    const lower = l > 0 && random.next() < REPLACED_SHARE ? pickLive(state, taken) : undefined;
    const path = lower ?? `${state.dirs[random.int(state.dirs.length)]}/f${i}${random.next() < 0.5 ? '.txt' : '.so'}`;
    if (lower) counts.replaced++;
    taken.add(path);
    entries.push(fileEntry(path, contentOf(random, state.pools, path, state.sizes[i])));
    counts.files++;
    counts.contentBytes += state.sizes[i];
  }
  if (l > 0) counts.whiteouts += addWhiteouts(state, taken, entries, Math.round((last - first) * WHITEOUT_SHARE));
  else counts.symlinks += addSymlinks([...taken], entries);
  state.placed.push([...taken]);
  return entries;
}

/** pickLive: a file of a lower layer that no whiteout deleted and this layer has not touched yet. */
function pickLive(state: PlanState, taken: Set<string>): string | undefined {
  const layer = state.placed[state.random.int(state.placed.length)];
  const path = layer.length === 0 ? undefined : layer[state.random.int(layer.length)];
  return path === undefined || taken.has(path) || state.gone.has(path) ? undefined : path;
}

/** fileSizes: log-uniform sizes (many small files, few large ones) scaled to add up to about `total`. */
function fileSizes(random: Random, count: number, total: number): number[] {
  const raw = Array.from({ length: count }, () => Math.exp(Math.log(16) + random.next() * (Math.log(64 * 1024) - Math.log(16))));
  const scale = total / raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => Math.max(1, Math.min(POOL_BYTES, Math.round(r * scale))));
}

const PACKAGES = ['usr/lib', 'usr/share', 'usr/lib/python3', 'opt/app', 'usr/local/lib', 'var/lib'];

function dirName(random: Random, i: number): string {
  const base = PACKAGES[random.int(PACKAGES.length)];
  return random.next() < 0.5 ? `${base}/pkg${i}` : `${base}/pkg${i}/sub${random.int(4)}`;
}

/** contentOf: text files get words, others random bytes, each a view at a seeded offset of its pool. */
function contentOf(random: Random, pools: { binary: Uint8Array; text: Uint8Array }, path: string, size: number): Uint8Array {
  const pool = path.endsWith('.txt') ? pools.text : pools.binary;
  const at = random.int(pool.length - size + 1);
  return pool.subarray(at, at + size);
}

function fileEntry(name: string, data: Uint8Array): TarEntry {
  return { name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: MTIME, size: data.length, data };
}

/** addWhiteouts deletes up to `count` lower files (an OCI `.wh.` entry each, image-spec layer.md). */
function addWhiteouts(state: PlanState, taken: Set<string>, entries: TarEntry[], count: number): number {
  let made = 0;
  for (let k = 0; k < count; k++) {
    const path = pickLive(state, taken);
    if (path === undefined) continue;
    taken.add(path);
    state.gone.add(path);
    const cut = path.lastIndexOf('/');
    entries.push({ ...fileEntry(`${path.slice(0, cut)}/.wh.${path.slice(cut + 1)}`, new Uint8Array(0)), mode: 0o600 });
    made++;
  }
  return made;
}

/** addSymlinks: one symlink per hundred files of the bottom layer, as a distribution's lib links. */
function addSymlinks(paths: string[], entries: TarEntry[]): number {
  let made = 0;
  for (let i = 0; i < paths.length; i += 100) {
    const target = paths[i].slice(paths[i].lastIndexOf('/') + 1);
    entries.push({ name: `${paths[i]}.link`, type: 'symlink', linkname: target, mode: 0o777, uid: 0, gid: 0, mtime: MTIME, size: 0 });
    made++;
  }
  return made;
}

/** withParents adds a directory entry for every parent the layer's files need (real layer tars carry them). */
function withParents(entries: TarEntry[]): TarEntry[] {
  const dirs = new Set<string>();
  for (const entry of entries) {
    const parts = entry.name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const dirEntries: TarEntry[] = [...dirs].map((name) => ({ name, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: MTIME, size: 0 }));
  return [...dirEntries, ...entries];
}

/** randomPool: seeded pseudo-random bytes (AES-128-CTR over zeros: fast, and the same on every machine). */
function randomPool(seed: number, bytes: number): Uint8Array {
  const key = createHash('sha256').update(`layerlab-bench-${seed}`).digest();
  return createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32)).update(Buffer.alloc(bytes));
}

const WORDS = 'the of layer image file tar digest config overlay mount lower upper work merged whiteout opaque copy up inode dentry root path blob manifest index json build step cache run copy add from env label user workdir volume expose entrypoint cmd shell package install library share doc man locale'.split(' ');

/** textPool: seeded lines of words — compresses about as well as documentation and scripts do. */
function textPool(random: Random, bytes: number): Uint8Array {
  const lines: string[] = [];
  let length = 0;
  while (length < bytes) {
    const words = Array.from({ length: 4 + random.int(10) }, () => WORDS[random.int(WORDS.length)]);
    const line = `${words.join(' ')} ${random.int(100000)}\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}
