// Small utilities: true, false, sleep, which, basename, dirname.
import { posix } from 'node:path';
import type { Command } from '../types';
import { DEFAULT_PATH, isExecutableFile, searchPath } from '../searchPath';
import { resolvePath, usageError } from './util';

/** trueCommand: does nothing, successfully. @example // in the shell: true && echo ok */
export const trueCommand: Command = () => 0;

/** falseCommand: does nothing, unsuccessfully (status 1). @example // in the shell: false || echo failed */
export const falseCommand: Command = () => 1;

/**
 * sleep: checks its argument and returns at once: a simulated build has no clock to wait on.
 *
 * @example
 * // in the shell: sleep 2 && echo done
 */
export const sleep: Command = (ctx) => {
  if (!ctx.args.length) return usageError(ctx, 'sleep', 'missing operand');
  const bad = ctx.args.find((a) => !/^\d*\.?\d+[smhd]?$/.test(a) && a !== 'infinity');
  if (bad) return usageError(ctx, 'sleep', `invalid time interval '${bad}'`);
  return 0;
};

/**
 * which: the path of each program on $PATH; status 1 if one is missing (Debian's which prints
 * nothing for it).
 *
 * @example
 * // in the shell: which sh   →  "/usr/bin/sh\n"
 */
export const which: Command = (ctx) => {
  const all = ctx.args.includes('-a');
  let status = 0;
  for (const name of ctx.args.filter((a) => a !== '-a')) {
    const found = name.includes('/') ? (isExecutableFile(ctx.fs, resolvePath(ctx, name)) ? [name] : []) : onPath(ctx.fs, name, ctx.env.PATH ?? DEFAULT_PATH, all);
    if (!found.length) status = 1;
    for (const path of found) ctx.stdout(path + '\n');
  }
  return status;
};

function onPath(fs: Parameters<typeof searchPath>[0], name: string, path: string, all: boolean): string[] {
  if (!all) return [searchPath(fs, name, path)].filter((p): p is string => p !== undefined);
  return path.split(':').map((dir) => searchPath(fs, name, dir)).filter((p): p is string => p !== undefined);
}

/**
 * basename: the last path component, minus SUFFIX if given.
 *
 * @example
 * // in the shell: basename /usr/lib/libz.so.1 .1   →  "libz.so\n"
 */
export const basename: Command = (ctx) => {
  const args = ctx.args.filter((a) => a !== '--');
  if (!args.length) return usageError(ctx, 'basename', 'missing operand');
  const base = posix.basename(args[0]) || (args[0].startsWith('/') ? '/' : '');
  const suffix = args[1];
  ctx.stdout((suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base) + '\n');
  return 0;
};

/**
 * dirname: the path without its last component.
 *
 * @example
 * // in the shell: dirname /etc/nginx/nginx.conf   →  "/etc/nginx\n"
 */
export const dirname: Command = (ctx) => {
  const args = ctx.args.filter((a) => a !== '--');
  if (!args.length) return usageError(ctx, 'dirname', 'missing operand');
  for (const arg of args) ctx.stdout(posix.dirname(arg) + '\n');
  return 0;
};
