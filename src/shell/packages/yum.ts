// yum / dnf as on CentOS 8 (dnf 4.4, where yum is the same program): install, remove,
// clean all, makecache. Output is a short version of the real one; messages and exit codes are exact.
import type { Command, CommandContext } from '../types';
import { findPackage, loadCatalog, parseFileEntry, type Catalog, type CatalogPackage } from './catalog';
import { exists, installFiles, removeFiles, removeTree, writeFile } from './files';
import { resolveInstall } from './resolve';
import { indexGrowth, readRpmDb, rpmRecordOf, writeRpmDb, type RpmRecord } from './rpmdb';
import { dnfSize } from './sizes';
import { placeholderBytes } from '../../image/bases';

const cacheDir = '/var/cache/dnf';

interface YumOptions { assumeYes: boolean; subcommand: string; names: string[] }

function parseOptions(args: string[]): YumOptions {
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const assumeYes = flags.some((f) => f === '-y' || f === '--assumeyes' || /^-[a-z]*y/.test(f));
  return { assumeYes, subcommand: words[0] ?? '', names: words.slice(1) };
}

/**
 * yum runs `yum`/`dnf` against the container: it needs /usr/bin/yum (or dnf) and the CentOS catalog.
 * @example
 * packageCommands.yum({ ...ctx, args: ['install', '-y', 'vim'] }); // 0, vim's files and rpmdb entries written
 */
export const yum: Command = (ctx) => {
  if (!exists(ctx.fs, '/usr/bin/yum') && !exists(ctx.fs, '/usr/bin/dnf')) {
    ctx.stderr('/bin/sh: yum: command not found\n');
    return 127;
  }
  const options = parseOptions(ctx.args);
  if (options.subcommand === '') { ctx.stderr('usage: yum [options] COMMAND\n'); return 1; }
  if (ctx.uid !== 0) {
    ctx.stderr('Error: This command has to be run with superuser privileges (under the root user on most systems).\n');
    return 1;
  }
  const catalog = loadCatalog('centos');
  switch (options.subcommand) {
    case 'install': return install(ctx, catalog, options);
    case 'remove': case 'erase': return remove(ctx, options);
    case 'clean': return clean(ctx, options.names);
    case 'makecache': fetchMetadata(ctx, catalog); ctx.stdout('Metadata cache created.\n'); return 0;
    default:
      ctx.stderr(`No such command: ${options.subcommand}. Please use /usr/bin/yum --help\n`);
      return 1;
  }
};

/** The first command of a fresh container downloads every repository's metadata into /var/cache/dnf. */
function fetchMetadata(ctx: CommandContext, catalog: Catalog): void {
  for (const repo of catalog.repos) {
    const repodata = String(repo.cache);
    if (exists(ctx.fs, `${repodata}repomd.xml`)) continue;
    const entries = catalog.caches.filter((c) => c.startsWith(repodata) || c.startsWith(`${cacheDir}/${repo.id}`));
    const bytes = entries.map(parseFileEntry).filter((f) => f.path.startsWith(repodata)).reduce((s, f) => s + f.size, 0);
    installFiles(ctx.fs, entries);
    ctx.stdout(`${String(repo.name).padEnd(48)}${dnfSize(bytes / 2).padStart(6)}B/s | ${dnfSize(bytes).padStart(6)}B     00:02\n`);
  }
  installFiles(ctx.fs, catalog.caches.filter((c) => !catalog.repos.some((r) => c.startsWith(`${cacheDir}/${r.id}`))));
}

function install(ctx: CommandContext, catalog: Catalog, options: YumOptions): number {
  fetchMetadata(ctx, catalog);
  const records = readRpmDb(ctx.fs);
  const plan = resolveInstall(catalog, options.names, new Set(records.map((r) => r.name)));
  if (plan.notFound.length > 0) {
    for (const name of plan.notFound) ctx.stdout(`No match for argument: ${name}\n`);
    ctx.stderr(`Error: Unable to find a match: ${plan.notFound.join(' ')}\n`);
    return 1;
  }
  for (const name of plan.alreadyInstalled) ctx.stdout(`Package ${describeInstalled(records, name)} is already installed.\n`);
  ctx.stdout('Dependencies resolved.\n');
  const all = [...plan.requested, ...plan.dependencies];
  if (all.length === 0) { ctx.stdout('Nothing to do.\nComplete!\n'); return 0; }
  ctx.stdout(transactionTable([['Installing:', plan.requested], ['Installing dependencies:', plan.dependencies]]));
  ctx.stdout(`Transaction Summary\n${rule}\nInstall  ${all.length} Package${all.length > 1 ? 's' : ''}\n\n`);
  ctx.stdout(`Total download size: ${dnfSize(sum(all, 'downloadSize'))}\nInstalled size: ${dnfSize(sum(all, 'installedSize'))}\n`);
  if (!options.assumeYes) return abort(ctx);
  ctx.stdout('Downloading Packages:\nRunning transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n');
  all.forEach((pkg, i) => {
    installFiles(ctx.fs, pkg.files);
    ctx.stdout(`  Installing       : ${fullName(pkg).padEnd(50)} ${i + 1}/${all.length} \n`);
  });
  writeRpmDb(ctx.fs, [...records, ...all.map(rpmRecordOf)], indexGrowth(all));
  recordHistory(ctx, all.map((p) => `Installed: ${fullName(p)}`));
  ctx.stdout(`\nInstalled:\n${all.map((p) => `  ${fullName(p)}`).join('\n')}\n\nComplete!\n`);
  return 0;
}

function remove(ctx: CommandContext, options: YumOptions): number {
  const records = readRpmDb(ctx.fs);
  const catalog = loadCatalog('centos');
  const doomed = records.filter((r) => options.names.includes(r.name));
  for (const name of options.names.filter((n) => !doomed.some((r) => r.name === n))) ctx.stdout(`No match for argument: ${name}\n`);
  if (doomed.length === 0) { ctx.stdout('No packages marked for removal.\nDependencies resolved.\nNothing to do.\nComplete!\n'); return 0; }
  ctx.stdout(`Dependencies resolved.\nTransaction Summary\n${rule}\nRemove  ${doomed.length} Package${doomed.length > 1 ? 's' : ''}\n\n`);
  ctx.stdout(`Freed space: ${dnfSize(doomed.reduce((s, r) => s + r.size, 0))}\n`);
  if (!options.assumeYes) return abort(ctx);
  const known = doomed.map((r) => findPackage(catalog, r.name)).filter((p): p is CatalogPackage => p !== undefined);
  for (const pkg of known) removeFiles(ctx.fs, pkg.files);
  writeRpmDb(ctx.fs, records.filter((r) => !doomed.includes(r)), -indexGrowth(known));
  recordHistory(ctx, doomed.map((r) => `Erased: ${r.name}`));
  ctx.stdout(`\nRemoved:\n${doomed.map((r) => `  ${r.name}-${r.version}-${r.release}.${r.arch}`).join('\n')}\n\nComplete!\n`);
  return 0;
}

/** `yum clean all` empties /var/cache/dnf, but only in *this* layer: earlier layers keep their copy. */
function clean(ctx: CommandContext, what: string[]): number {
  if (what.length === 0) { ctx.stderr('Error: clean requires an argument: all, metadata, packages, dbcache, expire-cache\n'); return 1; }
  let removed = 0;
  if (exists(ctx.fs, cacheDir)) {
    for (const entry of ctx.fs.readdirSync(cacheDir, { withFileTypes: true })) removed += removeTree(ctx.fs, `${cacheDir}/${entry.name}`);
  }
  ctx.stdout(`${removed} file${removed === 1 ? '' : 's'} removed\n`);
  return 0;
}

/** With no terminal to answer "Is this ok", dnf reads EOF and aborts (exit 1): hence `-y` in Dockerfiles. */
function abort(ctx: CommandContext): number {
  ctx.stdout('Is this ok [y/N]: ');
  ctx.stderr('Operation aborted.\n');
  return 1;
}

/** dnf's own bookkeeping also changes on every transaction: its history database and logs. */
function recordHistory(ctx: CommandContext, lines: string[]): void {
  const history = '/var/lib/dnf/history.sqlite';
  const size = (exists(ctx.fs, history) ? ctx.fs.statSync(history).size : 0) + 8192;
  writeFile(ctx.fs, history, placeholderBytes(history, size));
  ctx.fs.appendFileSync('/var/log/dnf.rpm.log', lines.map((l) => `2021-09-15T18:30:00Z SUBDEBUG ${l}\n`).join(''));
}

const rule = '='.repeat(80);

function transactionTable(groups: Array<[string, CatalogPackage[]]>): string {
  const rows = groups.flatMap(([, pkgs]) => pkgs.map(row));
  const width = [0, 1, 2, 3].map((i) => Math.max(['Package', 'Arch', 'Version', 'Repository'][i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => ` ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3].padEnd(width[3])}  ${r[4].padStart(6)}\n`;
  let text = `${rule}\n${line(['Package', 'Arch', 'Version', 'Repository', 'Size'])}${rule}\n`;
  for (const [title, pkgs] of groups) if (pkgs.length > 0) text += title + '\n' + pkgs.map((p) => line(row(p))).join('');
  return text + '\n';
}

function row(pkg: CatalogPackage): string[] {
  return [pkg.name, pkg.arch, evr(pkg), pkg.repo ?? '', dnfSize(pkg.downloadSize)];
}

function evr(pkg: CatalogPackage): string {
  return `${pkg.epoch ? `${pkg.epoch}:` : ''}${pkg.version}-${pkg.release ?? ''}`;
}

function fullName(pkg: CatalogPackage): string {
  return `${pkg.name}-${evr(pkg)}.${pkg.arch}`;
}

function describeInstalled(records: RpmRecord[], name: string): string {
  const r = records.find((x) => x.name === name);
  return r === undefined ? name : `${r.name}-${r.epoch ? `${r.epoch}:` : ''}${r.version}-${r.release}.${r.arch}`;
}

function sum(pkgs: CatalogPackage[], key: 'downloadSize' | 'installedSize'): number {
  return pkgs.reduce((s, p) => s + p[key], 0);
}
