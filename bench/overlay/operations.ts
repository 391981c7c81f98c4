// The four timed operations, written once against the few node:fs calls they need, so the very same
// code runs on the simulated mount and on the kernel's merged directory.
import * as fs from 'node:fs';
import type { OverlayMount } from '../../src/index';

/** DirEntry: what a withFileTypes listing yields (node:fs's Dirent and layerlab's alike). */
export interface DirEntry {
  name: string;
  isDirectory(): boolean;
}

/** FsLike: the node:fs subset the benchmark operations use. */
export interface FsLike {
  statSync(path: string): boolean;
  readdirSync(path: string): DirEntry[];
  appendFileSync(path: string, data: string): void;
  unlinkSync(path: string): void;
}

/**
 * nodeFs: the real filesystem (the kernel's overlay, when the paths lie in a merged directory).
 * @example statAll(nodeFs, ['/etc/hostname'])  // 1
 */
export const nodeFs: FsLike = {
  statSync: (path) => fs.statSync(path, { throwIfNoEntry: false }) !== undefined,
  readdirSync: (path) => fs.readdirSync(path, { withFileTypes: true }),
  appendFileSync: (path, data) => fs.appendFileSync(path, data),
  unlinkSync: (path) => fs.unlinkSync(path),
};

/**
 * mountFs: a simulated mount seen through the same calls.
 * @example readdirAll(mountFs(m), '/')  // entries in the whole merged tree
 */
export function mountFs(m: OverlayMount): FsLike {
  return {
    statSync: (path) => m.statSync(path, { throwIfNoEntry: false }) !== undefined,
    readdirSync: (path) => m.readdirSync(path, { withFileTypes: true }) as DirEntry[],
    appendFileSync: (path, data) => m.appendFileSync(path, data),
    unlinkSync: (path) => m.unlinkSync(path),
  };
}

/**
 * statAll stats (following symlinks) every path; returns how many exist.
 * @example statAll(mountFs(m), ['/a', '/missing'])  // 1
 */
export function statAll(fsLike: FsLike, paths: string[]): number {
  let found = 0;
  for (const path of paths) if (fsLike.statSync(path)) found++;
  return found;
}

/**
 * readdirAll lists `dir` and everything below it; returns the number of entries seen.
 * @example readdirAll(nodeFs, '/tmp/merged')
 */
export function readdirAll(fsLike: FsLike, dir: string): number {
  let count = 0;
  for (const entry of fsLike.readdirSync(dir)) {
    count++;
    if (entry.isDirectory()) count += readdirAll(fsLike, dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`);
  }
  return count;
}

/**
 * appendEach appends one byte to each file: on a lower file, that is a copy-up (spec 1.4).
 * @example appendEach(mountFs(m), ['/etc/motd'])  // upper now holds etc/motd
 */
export function appendEach(fsLike: FsLike, paths: string[]): void {
  for (const path of paths) fsLike.appendFileSync(path, '+');
}

/**
 * unlinkEach removes each file: on a lower file, that leaves a whiteout in the upper (spec 1.5).
 * @example unlinkEach(mountFs(m), ['/etc/motd'])  // upper now holds a char 0:0 etc/motd
 */
export function unlinkEach(fsLike: FsLike, paths: string[]): void {
  for (const path of paths) fsLike.unlinkSync(path);
}
