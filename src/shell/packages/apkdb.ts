// The apk database: /lib/apk/db/installed holds one block per package of one-letter fields
// (P name, V version, A arch, S size, I installed size, T description, D depends, F directory,
// R file in that directory; the real format), and /etc/apk/world lists what was asked for.
import type { ShellFs } from '../types';
import type { CatalogPackage } from './catalog';
import { parseFileEntry } from './catalog';
import { writeFile } from './files';

const installedPath = '/lib/apk/db/installed';
const worldPath = '/etc/apk/world';

/** ApkRecord: one block of the installed database, kept as its raw lines plus the fields we read. */
export interface ApkRecord { name: string; version: string; size: number; lines: string[] }

/**
 * readApkInstalled returns the packages recorded in /lib/apk/db/installed ([] if there is none).
 * @example
 * readApkInstalled(fs).map((r) => r.name); // ['alpine-baselayout', 'alpine-keys', ...]
 */
export function readApkInstalled(fs: ShellFs): ApkRecord[] {
  if (!fs.existsSync(installedPath)) return [];
  return fs.readFileSync(installedPath).toString().split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n').filter((l) => l !== '');
      const field = (letter: string) => lines.find((l) => l.startsWith(`${letter}:`))?.slice(2) ?? '';
      return { name: field('P'), version: field('V'), size: Number(field('I')), lines };
    });
}

/**
 * writeApkInstalled saves the database blocks, in the order given (apk appends new packages).
 * @example
 * writeApkInstalled(fs, [...readApkInstalled(fs), apkRecordOf(pkg)]);
 */
export function writeApkInstalled(fs: ShellFs, records: ApkRecord[]): void {
  writeFile(fs, installedPath, records.map((r) => r.lines.join('\n') + '\n').join('\n') + '\n');
}

/**
 * apkRecordOf builds the database block for a catalog package, grouping its files by directory.
 * @example
 * apkRecordOf(curl).lines[0]; // 'P:curl'
 */
export function apkRecordOf(pkg: CatalogPackage): ApkRecord {
  const lines = [`P:${pkg.name}`, `V:${pkg.version}`, `A:${pkg.arch}`, `S:${pkg.downloadSize}`, `I:${pkg.installedSize}`,
    `T:${pkg.summary}`, 'U:https://alpinelinux.org'];
  if ((pkg.depends ?? []).length > 0) lines.push(`D:${(pkg.depends ?? []).join(' ')}`);
  let currentDir = '';
  for (const file of pkg.files.map(parseFileEntry).filter((f) => f.type !== 'dir')) {
    const slash = file.path.lastIndexOf('/');
    const dir = file.path.slice(1, slash);
    if (dir !== currentDir) { lines.push(`F:${dir}`); currentDir = dir; }
    lines.push(`R:${file.path.slice(slash + 1)}`);
  }
  return { name: pkg.name, version: pkg.version, size: pkg.installedSize, lines };
}

/** readWorld returns /etc/apk/world: the packages the user asked for (not their dependencies). */
export function readWorld(fs: ShellFs): string[] {
  if (!fs.existsSync(worldPath)) return [];
  return fs.readFileSync(worldPath).toString().split(/\s+/).filter((w) => w !== '');
}

/** writeWorld stores the world list sorted, one name per line, as apk does. */
export function writeWorld(fs: ShellFs, names: string[]): void {
  writeFile(fs, worldPath, [...new Set(names)].sort().join('\n') + '\n');
}
