// apk as on Alpine 3.20: add (with or without --no-cache), del. apk never asks for confirmation.
// Without --no-cache it leaves the repository indexes in /var/cache/apk, inside the layer.
import type { Command, CommandContext } from '../types';
import { findPackage, loadCatalog, type Catalog } from './catalog';
import { apkRecordOf, readApkInstalled, readWorld, writeApkInstalled, writeWorld } from './apkdb';
import { exists, installFiles, removeFiles } from './files';
import { resolveInstall } from './resolve';
import { apkSize } from './sizes';

/**
 * apk runs Alpine's package manager against the container (needs /sbin/apk).
 * @example
 * packageCommands.apk({ ...ctx, args: ['add', '--no-cache', 'curl'] }); // 0, no index left in /var/cache/apk
 */
export const apk: Command = (ctx) => {
  if (!exists(ctx.fs, '/sbin/apk')) { ctx.stderr('/bin/sh: apk: not found\n'); return 127; }
  const flags = ctx.args.filter((a) => a.startsWith('-'));
  const [subcommand, ...names] = ctx.args.filter((a) => !a.startsWith('-'));
  if (ctx.uid !== 0 && (subcommand === 'add' || subcommand === 'del')) {
    ctx.stderr('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  const catalog = loadCatalog('alpine');
  if (subcommand === 'add') return add(ctx, catalog, names, !flags.includes('--no-cache'));
  if (subcommand === 'del') return del(ctx, catalog, names);
  if (subcommand === 'update') { fetchIndexes(ctx, catalog, true); ctx.stdout(`OK: ${catalog.packages.length + 24000} distinct packages available\n`); return 0; }
  ctx.stderr(`apk-tools 2.14.4, compiled for x86_64.\nERROR: unknown command '${subcommand ?? ''}'\n`);
  return 1;
};

function fetchIndexes(ctx: CommandContext, catalog: Catalog, keep: boolean): void {
  for (const repo of catalog.repos) ctx.stdout(`fetch ${repo.uri}/x86_64/APKINDEX.tar.gz\n`);
  if (keep) installFiles(ctx.fs, catalog.caches);
}

function add(ctx: CommandContext, catalog: Catalog, names: string[], useCache: boolean): number {
  const cached = catalog.caches.every((c) => exists(ctx.fs, c.split(' ')[0]));
  if (!(useCache && cached)) fetchIndexes(ctx, catalog, useCache);
  const records = readApkInstalled(ctx.fs);
  const plan = resolveInstall(catalog, names, new Set(records.map((r) => r.name)));
  if (plan.notFound.length > 0) {
    ctx.stderr('ERROR: unable to select packages:\n' +
      plan.notFound.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join(''));
    return 1;
  }
  const all = [...plan.dependencies, ...plan.requested].sort((a, b) => (a === b ? 0 : plan.requested.includes(a) ? 1 : -1));
  all.forEach((pkg, i) => {
    ctx.stdout(`(${i + 1}/${all.length}) Installing ${pkg.name} (${pkg.version})\n`);
    installFiles(ctx.fs, pkg.files);
  });
  const after = [...records, ...all.map(apkRecordOf)];
  writeApkInstalled(ctx.fs, after);
  writeWorld(ctx.fs, [...readWorld(ctx.fs), ...names]);
  ctx.stdout(`Executing busybox-1.36.1-r29.trigger\nOK: ${apkSize(after.reduce((s, r) => s + r.size, 0))} in ${after.length} packages\n`);
  return 0;
}

function del(ctx: CommandContext, catalog: Catalog, names: string[]): number {
  const records = readApkInstalled(ctx.fs);
  const world = readWorld(ctx.fs);
  const missing = names.filter((n) => !world.includes(n));
  if (missing.length > 0) { for (const n of missing) ctx.stderr(`WARNING: No such package: ${n}\n`); }
  const doomed = records.filter((r) => names.includes(r.name));
  doomed.forEach((r, i) => {
    ctx.stdout(`(${i + 1}/${doomed.length}) Purging ${r.name} (${r.version})\n`);
    removeFiles(ctx.fs, findPackage(catalog, r.name)?.files ?? []);
  });
  const after = records.filter((r) => !doomed.includes(r));
  writeApkInstalled(ctx.fs, after);
  writeWorld(ctx.fs, world.filter((w) => !names.includes(w)));
  ctx.stdout(`OK: ${apkSize(after.reduce((s, r) => s + r.size, 0))} in ${after.length} packages\n`);
  return 0;
}
