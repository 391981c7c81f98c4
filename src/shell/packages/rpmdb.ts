// The rpm database. Real rpm keeps a Berkeley DB in /var/lib/rpm: a big `Packages` file of
// headers plus index files (Name, Basenames, Providename…) that are all rewritten on every
// transaction. That rewrite is why even a tiny `yum install` layer carries megabytes of
// /var/lib/rpm. layerlab keeps `Packages` as readable text (one line per package, documented in
// assets/packages/README.md) and regrows the index files with placeholder bytes of plausible size.
import { placeholderBytes } from '../../image/bases';
import type { ShellFs } from '../types';
import type { CatalogPackage } from './catalog';
import { writeFile } from './files';

const rpmDir = '/var/lib/rpm';
const header = '# layerlab rpm database (a readable stand-in for rpm\'s Berkeley DB "Packages" file).\n' +
  '# One installed package per line: name, epoch, version, release, arch, installed size in bytes, origin repo, summary.\n';

/** RpmRecord: one installed rpm, as `rpm -qa` and `dnf` see it. */
export interface RpmRecord {
  name: string; epoch: number; version: string; release: string; arch: string;
  size: number; from: string; summary: string;
}

/**
 * readRpmDb returns the installed packages recorded in /var/lib/rpm/Packages ([] if there is none).
 * @example
 * readRpmDb(fs).map((r) => r.name); // ['basesystem', 'bash', ...]
 */
export function readRpmDb(fs: ShellFs): RpmRecord[] {
  if (!fs.existsSync(`${rpmDir}/Packages`)) return [];
  return fs.readFileSync(`${rpmDir}/Packages`).toString().split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name, epoch, version, release, arch, size, from, summary] = line.split('\t');
      return { name, epoch: Number(epoch), version, release, arch, size: Number(size), from, summary };
    });
}

/**
 * writeRpmDb stores `records` (sorted by name) and regrows the index files by `growth` bytes
 * (negative when packages were removed), the way a real rpm transaction rewrites them all.
 * @example
 * writeRpmDb(fs, [...readRpmDb(fs), rpmRecordOf(pkg)], indexGrowth([pkg]));
 */
export function writeRpmDb(fs: ShellFs, records: RpmRecord[], growth: number): void {
  const sorted = [...records].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = sorted.map((r) => [r.name, r.epoch, r.version, r.release, r.arch, r.size, r.from, r.summary].join('\t'));
  writeFile(fs, `${rpmDir}/Packages`, header + lines.join('\n') + '\n');
  regrowIndex(fs, 'Basenames', growth * 0.6);
  regrowIndex(fs, 'Dirnames', growth * 0.15);
  regrowIndex(fs, 'Providename', growth * 0.15);
  regrowIndex(fs, 'Requirename', growth * 0.1);
  for (const small of ['Name', 'Sha1header', 'Sigmd5', 'Installtid', 'Group']) regrowIndex(fs, small, Math.sign(growth) * 4096);
}

/** Berkeley DB files grow in whole 4 KiB pages. */
function regrowIndex(fs: ShellFs, name: string, delta: number): void {
  const path = `${rpmDir}/${name}`;
  const current = fs.existsSync(path) ? fs.statSync(path).size : 0;
  const size = Math.max(4096, Math.ceil((current + delta) / 4096) * 4096);
  writeFile(fs, path, placeholderBytes(path, size));
}

/**
 * indexGrowth estimates how many bytes rpm's index files gain for `packages`:
 * about 100 bytes per file path plus a page per package.
 * @example
 * indexGrowth([pkg]); // 8192 for a package with a handful of files
 */
export function indexGrowth(packages: CatalogPackage[]): number {
  return packages.reduce((sum, p) => sum + p.files.length * 100 + 4096, 0);
}

/**
 * rpmRecordOf turns a catalog package into the record rpm stores once it is installed.
 * @example
 * rpmRecordOf(findPackage(loadCatalog('centos'), 'which')!).release; // '12.el8'
 */
export function rpmRecordOf(pkg: CatalogPackage): RpmRecord {
  return {
    name: pkg.name, epoch: pkg.epoch ?? 0, version: pkg.version, release: pkg.release ?? '', arch: pkg.arch,
    size: pkg.installedSize, from: pkg.repo ?? '', summary: pkg.summary,
  };
}

/**
 * nevra prints a package the way `rpm -qa` does: name-version-release.arch (the epoch is not shown).
 * @example
 * nevra(rpmRecordOf(vim)); // 'vim-enhanced-8.0.1763-15.el8.x86_64'
 */
export function nevra(record: Pick<RpmRecord, 'name' | 'version' | 'release' | 'arch'>): string {
  return `${record.name}-${record.version}-${record.release}.${record.arch}`;
}
