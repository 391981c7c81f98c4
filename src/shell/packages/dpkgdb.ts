// The dpkg database: /var/lib/dpkg/status is a text file of RFC-822-style stanzas, one per
// package (the real format), and /var/lib/dpkg/info/<pkg>.list lists each package's paths.
import type { ShellFs } from '../types';
import type { CatalogPackage } from './catalog';
import { parseFileEntry } from './catalog';
import { writeFile } from './files';

const statusPath = '/var/lib/dpkg/status';

/** DpkgRecord: one stanza of the status file, fields in their original order. */
export type DpkgRecord = Array<[string, string]>;

/**
 * readDpkgStatus returns the stanzas of /var/lib/dpkg/status ([] if there is none).
 * @example
 * readDpkgStatus(fs).map((s) => fieldOf(s, 'Package')); // ['apt', 'base-files', ...]
 */
export function readDpkgStatus(fs: ShellFs): DpkgRecord[] {
  if (!fs.existsSync(statusPath)) return [];
  return fs.readFileSync(statusPath).toString().split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => block.split('\n').filter((l) => /^[A-Za-z-]+: /.test(l)).map((l): [string, string] => {
      const colon = l.indexOf(': ');
      return [l.slice(0, colon), l.slice(colon + 2)];
    }));
}

/** fieldOf returns one field of a stanza, or '' when absent. */
export function fieldOf(record: DpkgRecord, name: string): string {
  return record.find(([key]) => key === name)?.[1] ?? '';
}

/**
 * writeDpkgStatus saves the stanzas sorted by package name, keeping the old file as status-old
 * (dpkg's own backup; it too ends up in the layer).
 * @example
 * writeDpkgStatus(fs, [...readDpkgStatus(fs), dpkgRecordOf(pkg)]);
 */
export function writeDpkgStatus(fs: ShellFs, records: DpkgRecord[]): void {
  if (fs.existsSync(statusPath)) writeFile(fs, `${statusPath}-old`, fs.readFileSync(statusPath));
  const sorted = [...records].sort((a, b) => (fieldOf(a, 'Package') < fieldOf(b, 'Package') ? -1 : 1));
  writeFile(fs, statusPath, sorted.map((r) => r.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n').join('\n'));
}

/**
 * dpkgRecordOf builds the status stanza dpkg writes for an installed catalog package
 * (Installed-Size is in KiB, rounded up, as dpkg-gencontrol computes it).
 * @example
 * fieldOf(dpkgRecordOf(curl), 'Status'); // 'install ok installed'
 */
export function dpkgRecordOf(pkg: CatalogPackage): DpkgRecord {
  const record: DpkgRecord = [['Package', pkg.name], ['Status', 'install ok installed'], ['Priority', 'optional'],
    ['Section', pkg.section ?? 'misc'], ['Installed-Size', String(Math.ceil(pkg.installedSize / 1024))],
    ['Maintainer', 'Debian Developers <debian-devel@lists.debian.org>'], ['Architecture', pkg.arch], ['Version', pkg.version]];
  if ((pkg.depends ?? []).length > 0) record.push(['Depends', (pkg.depends ?? []).join(', ')]);
  if ((pkg.recommends ?? []).length > 0) record.push(['Recommends', (pkg.recommends ?? []).join(', ')]);
  record.push(['Description', pkg.summary]);
  return record;
}

/**
 * writeFileList writes /var/lib/dpkg/info/<name>.list, the paths `dpkg -L` prints.
 * @example
 * writeFileList(fs, curl);
 */
export function writeFileList(fs: ShellFs, pkg: CatalogPackage): void {
  const paths = pkg.files.map((entry) => parseFileEntry(entry).path);
  writeFile(fs, `/var/lib/dpkg/info/${infoName(pkg)}.list`, paths.join('\n') + '\n');
}

/** Libraries are Multi-Arch: same, so dpkg names their info files `<name>:amd64`. */
export function infoName(pkg: Pick<CatalogPackage, 'name' | 'section'>): string {
  return pkg.section === 'libs' ? `${pkg.name}:amd64` : pkg.name;
}
