// Name lookup through the layers: the heart of overlayfs (spec 1.2).
//
//   upper first; a whiteout ends the search (the name is deleted); a non-directory hides everything
//   below it; directories keep merging downwards until an opaque one; a redirect sends the search
//   for lower directories to another name.
import { Failure, fail } from './errors';
import type { Inode } from './tree';
import { Identity, Node, Stack, joinPath } from './stack';
import { isOpaque, isWhiteout, overlayXattr } from './real';

/** rootNode: the merged root: the upper root over every visible lower root. */
export function rootNode(stack: Stack): Node {
  if (stack.root) return stack.root;
  const lowers = stack.lowers.slice();
  stack.root = { path: '', name: '', upper: stack.upper, lowers, layers: lowers.map((_, i) => i), identity: identityOf(stack, stack.upper, lowers[0]) };
  return stack.root;
}

/** cachedLookup: lookupChild through the dentry cache (failures are not cached: they are rare). */
export function cachedLookup(stack: Stack, parent: Node, name: string): Node | Failure | null {
  const cached = parent.children?.get(name);
  if (cached !== undefined) return cached;
  const found = lookupChild(stack, parent, name);
  if (!(found instanceof Failure)) (parent.children ??= new Map()).set(name, found);
  return found;
}

/**
 * lookupChild finds `name` in the merged directory `parent`: a Node, `null` when the name does not
 * exist (absent or whited out), or a Failure (ELOOP for an overlapping layer, EPERM for a redirect
 * that must not be followed).
 */
export function lookupChild(stack: Stack, parent: Node, name: string): Node | Failure | null {
  const upper = parent.upper?.entries?.get(name);
  if (upper && stack.traps.has(upper)) return fail('ELOOP');
  if (upper && isWhiteout(upper, stack.prefix)) return null;
  const search = lowerSearch(stack, upper, name);
  if (search instanceof Failure) return search;
  const found = search === undefined ? { lowers: [], layers: [] } : findInLowers(stack, parent, search, upper);
  if (found instanceof Failure) return found;
  if (!upper && found.lowers.length === 0) return null;
  // index=on: another name of an already copied-up lower hard link is served by its index copy (C13).
  const indexed = !upper && found.lowers[0].type !== 'dir' ? stack.index.get(found.lowers[0].ino) : undefined;
  const path = joinPath(parent.path, name);
  const real = upper ?? indexed;
  return { path, name, parent, upper: real, ...found, identity: identityOf(stack, real, found.lowers[0]) };
}

/**
 * lowerSearch: which name (or absolute path) to look for in the lower layers below `upper`, or
 * undefined when the upper entry ends the search: a non-directory (unless it is a metacopy file,
 * whose data still lives below) or an opaque directory.
 */
function lowerSearch(stack: Stack, upper: Inode | undefined, name: string): string | Failure | undefined {
  if (!upper) return name;
  const isDir = upper.type === 'dir';
  if (!isDir && overlayXattr(upper, stack.prefix, 'metacopy') === undefined) return undefined;
  if (isDir && isOpaque(upper, stack.prefix)) return undefined;
  const redirect = overlayXattr(upper, stack.prefix, 'redirect');
  if (redirect === undefined) return name;
  // redirect_dir=nofollow: "refusing to follow redirect" (spec 1.7, E16).
  if (stack.options.redirectDir === 'nofollow') return fail('EPERM');
  return redirect;
}

/** findInLowers walks the lower directories of `parent` (or, for an absolute redirect, every lower root). */
function findInLowers(stack: Stack, parent: Node, search: string, upper: Inode | undefined): { lowers: Inode[]; layers: number[] } | Failure {
  const lowers: Inode[] = [];
  const layers: number[] = [];
  const absolute = search.startsWith('/');
  const dirs = absolute ? stack.lowers : parent.lowers;
  const dirLayers = absolute ? stack.lowers.map((_, i) => i) : parent.layers;
  const wantDir = upper ? upper.type === 'dir' : undefined;
  for (let i = 0; i < dirs.length; i++) {
    const entry = absolute ? walkReal(dirs[i], search) : dirs[i].entries?.get(search);
    if (!entry) continue;
    if (stack.traps.has(entry)) return fail('ELOOP');
    if (isWhiteout(entry, stack.prefix)) break;
    const isDir = entry.type === 'dir';
    const first = wantDir === undefined && lowers.length === 0;
    // A non-directory is taken only as the first thing found (or as a metacopy's data);
    // below a directory it ends the merge (spec 1.2, A03/A04).
    if (!isDir) {
      if (first || (wantDir === false && lowers.length === 0)) { lowers.push(entry); layers.push(dirLayers[i]); }
      break;
    }
    if (wantDir === false || (lowers.length > 0 && lowers[0].type !== 'dir')) break;
    lowers.push(entry);
    layers.push(dirLayers[i]);
    if (isOpaque(entry, stack.prefix)) break;
  }
  return { lowers, layers };
}

/** walkReal follows an absolute redirect path inside one real layer. */
function walkReal(root: Inode, path: string): Inode | undefined {
  let node: Inode | undefined = root;
  for (const part of path.split('/')) {
    if (part === '') continue;
    node = node.entries?.get(part);
    if (!node) return undefined;
  }
  return node;
}

/**
 * identityOf returns the overlay inode for an object, creating it on first sight. Names are found
 * through their lower inode only where that stays true after copy-up: not for a lower hard link
 * without index=on, whose names go separate ways when one is copied up (ovl_hash_bylower, C12).
 */
export function identityOf(stack: Stack, upper: Inode | undefined, lower: Inode | undefined): Identity {
  const byLower = lower && (lower.type === 'dir' || lower.nlink === 1 || stack.options.index || !stack.upper);
  const known = (upper && stack.identities.get(upper)) || (byLower && stack.identities.get(lower!));
  if (known) {
    if (upper && !known.upper) { known.upper = upper; stack.identities.set(upper, known); }
    return known;
  }
  const identity: Identity = { upper, lower };
  if (upper) stack.identities.set(upper, identity);
  if (byLower) stack.identities.set(lower!, identity);
  return identity;
}

/**
 * lowerPositive: whether `name` exists in the lower layers under `parent` — the question that
 * decides whether deleting it needs a whiteout (spec 1.5, ovl_lower_positive).
 */
export function lowerPositive(stack: Stack, parent: Node, name: string): boolean {
  for (const dir of parent.lowers) {
    const entry = dir.entries?.get(name);
    if (!entry) continue;
    return !isWhiteout(entry, stack.prefix);
  }
  return false;
}
