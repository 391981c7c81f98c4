// readdir of a merged directory (spec 1.3). The names are the union of the real directories that
// lookup merged; whiteouts hide names and are not listed. The order is the kernel's, which is not
// "upper first": fs/overlayfs/readdir.c reads upper and middle layers, then *inserts the lowest
// layer's entries before them*, moving names it already saw into the lowest layer's order (A14).
import type { Inode } from './tree';
import type { Node, Stack } from './stack';
import { hasXwhiteouts, isCharWhiteout, isXattrWhiteout } from './real';

/** RawEntry: a name as one real directory lists it, with the real inode behind it. */
export interface MergedEntry {
  name: string;
  inode: Inode;
}

/**
 * readMerged lists a directory node. A directory made of a single real directory is read straight
 * from it — whiteouts included, since only merged directories filter them (A10). `filterAlways` is
 * the emptiness check of rmdir and rename, which always reads the merged way (ovl_check_empty_dir)
 * and counts xattr whiteouts as entries (the kernel answers ENOTEMPTY for them).
 */
export function readMerged(stack: Stack, node: Node, { filterAlways = false }: { filterAlways?: boolean } = {}): MergedEntry[] {
  const dirs = realDirs(node);
  if (dirs.length === 1 && !filterAlways) return rawEntries(dirs[0].dir);
  const countXwhiteouts = filterAlways;
  const seen = new Map<string, MergedEntry & { hidden: boolean }>();
  const lowestGroup: (MergedEntry & { hidden: boolean })[] = [];
  dirs.forEach(({ dir, layer }, i) => {
    const lowest = i === dirs.length - 1;
    for (const [name, inode] of dir.entries!) {
      const known = seen.get(name);
      const entry = known ?? { name, inode, hidden: hides(stack, dir, inode, layer, countXwhiteouts) };
      if (!known) seen.set(name, entry);
      if (lowest) lowestGroup.push(entry);
    }
  });
  const inLowest = new Set(lowestGroup);
  const ordered = [...lowestGroup, ...[...seen.values()].filter((entry) => !inLowest.has(entry))];
  return ordered.filter((entry) => !entry.hidden).map(({ name, inode }) => ({ name, inode }));
}

/** The real directories of a node, top first, with the lower layer each is in (undefined: upper). */
function realDirs(node: Node): { dir: Inode; layer?: number }[] {
  const dirs = node.lowers.map((dir, i) => ({ dir, layer: node.layers[i] as number | undefined }));
  return node.upper ? [{ dir: node.upper, layer: undefined }, ...dirs] : dirs;
}

/** rawEntries: a real directory's own listing, in its raw (creation) order. */
export function rawEntries(dir: Inode): MergedEntry[] {
  return [...dir.entries!].map(([name, inode]) => ({ name, inode }));
}

/**
 * hides: whether an entry hides its name in a merged listing. Char 0:0 whiteouts always do; xattr
 * whiteouts only in a *lower* directory marked opaque=x (A07; listed in upper and unmarked dirs,
 * A08/A09) — and not in the bottom-most layer, whose opaque xattr lookup never reads (d->last).
 * The emptiness check of rmdir counts xattr whiteouts as entries whatever their directory says.
 */
function hides(stack: Stack, dir: Inode, inode: Inode, layer: number | undefined, countXwhiteouts: boolean): boolean {
  if (isCharWhiteout(inode)) return true;
  if (countXwhiteouts || layer === undefined || layer === stack.lowers.length - 1) return false;
  return isXattrWhiteout(inode, stack.prefix) && hasXwhiteouts(dir, stack.prefix);
}
