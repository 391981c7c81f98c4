// The order Docker writes a layer in. moby's TarWithOptions walks the diff directory with Go's
// filepath.WalkDir, which lists each directory sorted by name and goes depth-first; BuildKit's
// continuity walk does the same. So entries compare component by component: 'a/' and its whole
// subtree come before 'a-b' and 'a.txt', although '-' and '.' sort before '/' as plain strings.
// (formats.md §3.3 step 1 says "lexical, parents first"; every fixture layer satisfies both.)
import type { TarEntry } from './entry';
import { byteOrderFor, compareBytes } from './go-rules';

/** pathComponents splits a tar name into its components ('a/b/' → ['a', 'b']). */
export function pathComponents(name: string): string[] {
  return name.split('/').filter((part) => part !== '' && part !== '.');
}

/**
 * compareWalkOrder orders two names as a directory walk meets them: component by component, by
 * UTF-8 bytes, a parent before its children.
 *
 * @example
 * ['a-b', 'a/x', 'a/'].sort(compareWalkOrder) // ['a/', 'a/x', 'a-b']
 */
export function compareWalkOrder(a: string, b: string): number {
  return compareComponents(pathComponents(a), pathComponents(b), compareBytes);
}

function compareComponents(x: string[], y: string[], compare: (a: string, b: string) => number): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compare(x[i], y[i]);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

/** sortInWalkOrder returns the entries in walk order (stable for equal names). */
export function sortInWalkOrder(entries: TarEntry[]): TarEntry[] {
  // Each name is split once, not at every comparison.
  const keyed = entries.map((entry, i) => ({ entry, i, parts: pathComponents(entry.name) }));
  const compare = byteOrderFor(entries.map((entry) => entry.name));
  return keyed.sort((p, q) => compareComponents(p.parts, q.parts, compare) || p.i - q.i).map((p) => p.entry);
}
