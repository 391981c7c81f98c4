// apt-get as on Debian 12: update, install (-y, --no-install-recommends), clean. A fresh image has
// no package lists, so `apt-get install` before `apt-get update` cannot find anything (exit 100).
import type { Command, CommandContext } from '../types';
import { loadCatalog, type Catalog, type CatalogPackage } from './catalog';
import { dpkgRecordOf, fieldOf, readDpkgStatus, writeDpkgStatus, writeFileList } from './dpkgdb';
import { exists, installFiles, removeTree } from './files';
import { resolveInstall } from './resolve';
import { aptSize } from './sizes';

const listsDir = '/var/lib/apt/lists';

interface AptOptions { assumeYes: boolean; recommends: boolean; subcommand: string; names: string[] }

function parseOptions(args: string[]): AptOptions {
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const assumeYes = flags.some((f) => ['-y', '--yes', '--assume-yes', '-qy', '-yq'].includes(f) || /^-[a-z]*y/.test(f));
  return { assumeYes, recommends: !flags.includes('--no-install-recommends'), subcommand: words[0] ?? '', names: words.slice(1) };
}

/**
 * aptGet runs `apt-get` against the container (Debian catalog; needs /usr/bin/apt-get).
 * @example
 * packageCommands['apt-get']({ ...ctx, args: ['update'] }); // writes /var/lib/apt/lists/*
 */
export const aptGet: Command = (ctx) => {
  if (!exists(ctx.fs, '/usr/bin/apt-get')) { ctx.stderr('/bin/sh: 1: apt-get: not found\n'); return 127; }
  const options = parseOptions(ctx.args);
  if (ctx.uid !== 0 && options.subcommand !== '') {
    ctx.stderr('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
      'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    return 100;
  }
  const catalog = loadCatalog('debian');
  switch (options.subcommand) {
    case 'update': return update(ctx, catalog);
    case 'install': return install(ctx, catalog, options);
    case 'clean': case 'autoclean': return clean(ctx);
    default: ctx.stderr(`E: Invalid operation ${options.subcommand}\n`); return 100;
  }
};

function update(ctx: CommandContext, catalog: Catalog): number {
  let n = 0;
  let total = 0;
  for (const repo of catalog.repos) {
    const where = `${repo.uri} ${repo.suite}`;
    ctx.stdout(`Get:${++n} ${where} InRelease [${aptSize(Number(repo.inRelease))}]\n`);
    ctx.stdout(`Get:${++n} ${where}/main amd64 Packages [${aptSize(Number(repo.packages))}]\n`);
    total += Number(repo.inRelease) + Number(repo.packages);
  }
  installFiles(ctx.fs, catalog.caches);
  ctx.stdout(`Fetched ${aptSize(total)} in 2s (${aptSize(total / 2)}/s)\nReading package lists...\n`);
  return 0;
}

function haveLists(ctx: CommandContext): boolean {
  return exists(ctx.fs, listsDir) && ctx.fs.readdirSync(listsDir, { withFileTypes: true }).some((e) => e.name.endsWith('_Packages.lz4'));
}

function install(ctx: CommandContext, catalog: Catalog, options: AptOptions): number {
  ctx.stdout('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
  const status = readDpkgStatus(ctx.fs);
  const installed = new Set(status.map((s) => fieldOf(s, 'Package')));
  const plan = haveLists(ctx)
    ? resolveInstall(catalog, options.names, installed, { withRecommends: options.recommends })
    : { requested: [], dependencies: [], alreadyInstalled: [], notFound: options.names };
  if (plan.notFound.length > 0) {
    ctx.stderr(`E: Unable to locate package ${plan.notFound[0]}\n`);
    return 100;
  }
  for (const name of plan.alreadyInstalled) ctx.stdout(`${name} is already the newest version.\n`);
  const all = [...plan.dependencies, ...plan.requested];
  if (plan.dependencies.length > 0) ctx.stdout(`The following additional packages will be installed:\n${wrap(plan.dependencies)}`);
  if (all.length > 0) ctx.stdout(`The following NEW packages will be installed:\n${wrap([...all].sort(byName))}`);
  ctx.stdout(`0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (all.length === 0) return 0;
  ctx.stdout(`Need to get ${aptSize(sum(all, 'downloadSize'))} of archives.\n` +
    `After this operation, ${aptSize(sum(all, 'installedSize'))} of additional disk space will be used.\n`);
  if (!options.assumeYes) { ctx.stdout('Do you want to continue? [Y/n] Abort.\n'); return 1; }
  all.forEach((pkg, i) => ctx.stdout(`Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${pkg.name} ${pkg.arch} ${pkg.version} [${aptSize(pkg.downloadSize)}]\n`));
  ctx.stdout('debconf: delaying package configuration, since apt-utils is not installed\n');
  for (const pkg of all) unpack(ctx, pkg);
  writeDpkgStatus(ctx.fs, [...status, ...all.map(dpkgRecordOf)]);
  for (const pkg of all) ctx.stdout(`Setting up ${label(pkg)} (${pkg.version}) ...\n`);
  return 0;
}

function unpack(ctx: CommandContext, pkg: CatalogPackage): void {
  ctx.stdout(`Selecting previously unselected package ${label(pkg)}.\nPreparing to unpack .../${pkg.name}_${pkg.version.replace(/^\d+:/, '')}_${pkg.arch}.deb ...\nUnpacking ${label(pkg)} (${pkg.version}) ...\n`);
  installFiles(ctx.fs, pkg.files);
  writeFileList(ctx.fs, pkg);
}

/** `apt-get clean` empties the .deb cache only. The lists from `update` stay: remove them with rm -rf. */
function clean(ctx: CommandContext): number {
  const archives = '/var/cache/apt/archives';
  if (!exists(ctx.fs, archives)) return 0;
  for (const entry of ctx.fs.readdirSync(archives, { withFileTypes: true })) {
    if (entry.name.endsWith('.deb')) removeTree(ctx.fs, `${archives}/${entry.name}`);
  }
  for (const bin of ['/var/cache/apt/pkgcache.bin', '/var/cache/apt/srcpkgcache.bin']) removeTree(ctx.fs, bin);
  return 0;
}

function label(pkg: CatalogPackage): string {
  return pkg.section === 'libs' ? `${pkg.name}:${pkg.arch}` : pkg.name;
}

function wrap(pkgs: CatalogPackage[]): string {
  const lines: string[] = [];
  let line = ' ';
  for (const pkg of pkgs) {
    if (line.length + pkg.name.length + 1 > 79) { lines.push(line); line = ' '; }
    line += ` ${pkg.name}`;
  }
  return [...lines, line].join('\n') + '\n';
}

function byName(a: CatalogPackage, b: CatalogPackage): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sum(pkgs: CatalogPackage[], key: 'downloadSize' | 'installedSize'): number {
  return pkgs.reduce((s, p) => s + p[key], 0);
}
