// Pathname expansion (XCU 2.13.3): each `/`-separated component with a pattern is matched
// against a directory listing. Leading dots must be matched explicitly, results are sorted in
// byte order (the C locale, which containers run in unless LANG is set), and a pattern that
// matches nothing is left as it was (that is the caller's job: `undefined` here).
import { posix } from 'node:path';
import type { ShellFs } from './types';
import { hasGlobChars, matchesPattern, unescapePattern } from './pattern';

/**
 * expandPathname: the paths matching an escaped shell pattern, sorted, or undefined if none.
 *
 * @example
 * expandPathname(fs, '/', 'etc/*.conf') // ['etc/host.conf', 'etc/resolv.conf']
 */
export function expandPathname(fs: ShellFs, cwd: string, pattern: string): string[] | undefined {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c) => c !== '');
  let prefixes = [absolute ? '/' : ''];
  for (const component of components) {
    prefixes = hasGlobChars(component)
      ? prefixes.flatMap((p) => matchInDirectory(fs, posix.resolve(cwd, p || '.'), component).map((name) => p + name + '/'))
      : prefixes.map((p) => p + unescapePattern(component) + '/');
  }
  const trailingSlash = pattern.endsWith('/');
  const found = prefixes
    .map((p) => (trailingSlash ? p : p.slice(0, -1)))
    .filter((p) => exists(fs, posix.resolve(cwd, p)));
  return found.length ? found.sort(byteOrder) : undefined;
}

function matchInDirectory(fs: ShellFs, dir: string, pattern: string): string[] {
  const names = listNames(fs, dir);
  const dotOk = pattern.startsWith('.') || pattern.startsWith('\\.');
  return names.filter((n) => (dotOk || !n.startsWith('.')) && matchesPattern(pattern, n));
}

function listNames(fs: ShellFs, dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).map((d) => String(d.name));
  } catch {
    return []; // not a directory, or unreadable: no matches, as in sh
  }
}

function exists(fs: ShellFs, path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** byteOrder: compares strings by code unit, like `LC_ALL=C sort`. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
