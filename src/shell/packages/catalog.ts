// The package catalog: what the simulated repositories offer (assets/packages/<distro>.json,
// format in assets/packages/README.md). Plain data; the package managers read it, never change it.
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShellFs } from '../types';

/** CatalogPackage: one package a repository offers, with its file list in the compact catalog form. */
export interface CatalogPackage {
  name: string;
  epoch?: number;
  version: string;
  release?: string;
  arch: string;
  repo?: string;
  section?: string;
  downloadSize: number;
  installedSize: number;
  summary: string;
  /** rpm `requires`; deb and apk call them `depends`. Names only: versions are not modelled. */
  requires?: string[];
  depends?: string[];
  recommends?: string[];
  provides?: string[];
  module?: string;
  files: string[];
}

/** Catalog: a distribution's repositories, metadata caches and packages. */
export interface Catalog {
  distro: 'centos' | 'debian' | 'alpine';
  release: string;
  format: 'rpm' | 'deb' | 'apk';
  repos: Array<Record<string, string | number>>;
  caches: string[];
  packages: CatalogPackage[];
}

/** PackageFile: one catalog file entry, decoded. */
export interface PackageFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size: number;
  mode: number;
  target?: string;
}

const loaded = new Map<string, Catalog>();

/**
 * loadCatalog returns the bundled package catalog of a distribution (read once, then shared: do not mutate).
 * @example
 * loadCatalog('centos').packages.find((p) => p.name === 'vim-enhanced')?.requires; // ['vim-common', 'gpm-libs', 'which']
 */
export function loadCatalog(distro: Catalog['distro']): Catalog {
  let catalog = loaded.get(distro);
  if (catalog === undefined) {
    const file = resolve(realpathSync(__dirname), '../../../assets/packages', `${distro}.json`);
    catalog = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
    loaded.set(distro, catalog);
  }
  return catalog;
}

/**
 * findPackage looks a name up by package name first, then by what packages provide (`python3` → python36).
 * @example
 * findPackage(loadCatalog('centos'), 'vim')?.name; // 'vim-enhanced'
 */
export function findPackage(catalog: Catalog, name: string): CatalogPackage | undefined {
  return catalog.packages.find((p) => p.name === name) ??
    catalog.packages.find((p) => (p.provides ?? []).includes(name));
}

/**
 * parseFileEntry decodes `"/usr/bin/vim 3051384"`, `"/usr/share/vim/"` (a directory) or
 * `"/usr/bin/rvim -> vim"`; an optional last field overrides the mode (`"/etc/shadow 0 0000"`).
 * @example
 * parseFileEntry('/usr/bin/vim 3051384'); // { path: '/usr/bin/vim', type: 'file', size: 3051384, mode: 0o755 }
 */
export function parseFileEntry(entry: string): PackageFile {
  const arrow = entry.indexOf(' -> ');
  if (arrow >= 0) {
    return { path: entry.slice(0, arrow), type: 'symlink', size: 0, mode: 0o777, target: entry.slice(arrow + 4) };
  }
  const [path, size, mode] = entry.split(' ');
  if (path.endsWith('/')) return { path: path.replace(/\/+$/, ''), type: 'dir', size: 0, mode: 0o755 };
  return { path, type: 'file', size: Number(size ?? 0), mode: mode !== undefined ? parseInt(mode, 8) : defaultMode(path) };
}

/** Programs and shared libraries are executable; everything else is a 0644 data file. */
function defaultMode(path: string): number {
  return /^\/(usr\/)?(s?bin|libexec|lib\/git-core|lib\/apt\/methods)\//.test(path) || /\.so(\.[\d.]+)?$/.test(path)
    || /\/(cc1|lto1|collect2|lto-wrapper|ssh-[a-z0-9-]+-helper|ssh-keysign)$/.test(path) ? 0o755 : 0o644;
}

/**
 * detectDistro reads /etc/os-release inside the container to pick the catalog (undefined if unknown).
 * @example
 * detectDistro(fs); // 'centos'
 */
export function detectDistro(fs: ShellFs): Catalog['distro'] | undefined {
  if (!fs.existsSync('/etc/os-release')) return undefined;
  const id = /^ID="?([a-z]+)"?$/m.exec(fs.readFileSync('/etc/os-release').toString())?.[1];
  return id === 'centos' || id === 'debian' || id === 'alpine' ? id : undefined;
}

/** dependenciesOf: the names a package needs, whatever the format calls them. */
export function dependenciesOf(pkg: CatalogPackage): string[] {
  return pkg.requires ?? pkg.depends ?? [];
}
