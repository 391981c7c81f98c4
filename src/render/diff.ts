// `docker diff` (formats.md 1.6).
import type { Change } from './types';

/**
 * renderDiff prints `docker diff` lines, `<kind> <path>`, one per change.
 * Real Docker orders siblings by Go map iteration, which is random; here they
 * are sorted by path so that a lesson's output is stable. Sorting by
 * path segments keeps a directory's `C` line before its children, as Docker
 * prints it (`/etc` < `/etc/passwd` < `/etc2`).
 *
 * @example
 * renderDiff([{ kind: 'A', path: '/tmp/x' }, { kind: 'C', path: '/tmp' }]) // parents first
 * // → C /tmp
 * // → A /tmp/x
 */
export function renderDiff(changes: readonly Change[]): string {
  return sortChanges(changes)
    .map((change) => `${change.kind} ${change.path}\n`)
    .join('');
}

/**
 * sortChanges orders changes parent-first, siblings by name (byte order).
 *
 * @example
 * sortChanges([{ kind: 'A', path: '/a/b' }, { kind: 'C', path: '/a' }]).map((c) => c.path); // ['/a', '/a/b']
 */
export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => comparePaths(a.path, b.path));
}

function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = Buffer.compare(Buffer.from(left[i]), Buffer.from(right[i]));
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
