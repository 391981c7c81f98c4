// The layer stack of one mount and the "dentries" that lookup builds from it.
import type { Inode } from './tree';
import type { OverlayOptions } from './options';
import { overlayXattrPrefix } from './options';

/**
 * Credentials: who is calling. Permission checks use them; the real writes use the mounter's (root).
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi' } } }]);
 * const nobody: Credentials = { uid: 65534, gid: 65534 };
 * let code = ''; try { m.as(nobody).writeFileSync('/etc/motd', 'x'); } catch (err) { code = err.code; }
 * code // → EACCES
 */
export interface Credentials {
  uid: number;
  gid: number;
  groups?: number[];
}

export const ROOT: Credentials = { uid: 0, gid: 0 };

/**
 * Stack: what a mount is made of. `lowers` are the visible lower layers, top first, exactly in
 * `lowerdir=` order; `dataLowers` are the data-only layers after `::` (their paths are invisible, G16).
 */
export interface Stack {
  upper?: Inode;
  work?: Inode;
  lowers: Inode[];
  dataLowers: Inode[];
  options: OverlayOptions;
  /** Names of layers as the scenario catalog writes them: 'upper', 'l0' (top lower), 'l1', … */
  prefix: string;
  /** Layer roots and the workdir: finding one of them *inside* the merged tree is ELOOP (spec 1.1, G06). */
  traps: Set<Inode>;
  /** index=on: lower inode number -> its upper copy, so other lower hard links find it (C13). */
  index: Map<number, Inode>;
  /** `<workdir>/work`, the kernel's scratch directory (spec 1.11), and the shared whiteout kept in it. */
  scratch?: Inode;
  sharedWhiteout?: Inode;
  /** Counter behind the `#<hex>` temp names the kernel gives objects in its scratch directory. */
  tempId: number;
  /**
   * The dentry cache: the root node, whose `children` hold earlier lookups (null for a negative one).
   * Lower layers never change, so a lookup stays true until the mount changes that very name:
   * creates and deletes forget the one name, a rename forgets everything.
   */
  root?: Node;
  /** The overlay inode of each real inode (upper or lower), shared by all its dentries. */
  identities: WeakMap<Inode, Identity>;
}

/** makeStack fills in the derived parts of a Stack. */
export function makeStack(parts: { upper?: Inode; work?: Inode; lowers: Inode[]; dataLowers?: Inode[]; options: OverlayOptions }): Stack {
  const traps = new Set<Inode>([...parts.lowers, ...(parts.dataLowers ?? [])]);
  if (parts.upper) traps.add(parts.upper);
  if (parts.work) traps.add(parts.work);
  return { dataLowers: [], ...parts, prefix: overlayXattrPrefix(parts.options), traps, index: new Map(), identities: new WeakMap(), tempId: 0x17a40 };
}

/**
 * Node: one looked-up path of the merged tree (the kernel's ovl dentry). For a directory, `lowers`
 * lists every lower directory merged into it, top first; for anything else at most the one lower
 * object it came from. `layers` says which lower layer each of them is in (0 = top lower).
 */
export interface Node {
  path: string;           // '/'-joined merged path, '' for the root
  name: string;
  parent?: Node;
  upper?: Inode;
  lowers: Inode[];
  layers: number[];
  /** The overlay inode identity that outlives copy-up, so an open fd follows its file up (B17). */
  identity: Identity;
  /** Looked-up children of a directory (the dentry cache); null marks a name known not to exist. */
  children?: Map<string, Node | null>;
}

/** Identity: the overlay inode shared by every dentry of one object (kept in the mount's identity map). */
export interface Identity {
  upper?: Inode;
  lower?: Inode;
}

/**
 * namespaceChanged: the merged tree changed in a way that may touch many names (a rename, or a
 * copy-up under index=on, which other lower hard links now see): forget every cached lookup.
 */
export function namespaceChanged(stack: Stack): void {
  stack.root = undefined;
}

/** nameChanged: one name in a directory was created or deleted: forget just that lookup. */
export function nameChanged(parent: Node, name: string): void {
  parent.children?.delete(name);
}

/** realOf: the inode that answers for a node right now: the upper copy once there is one. */
export function realOf(node: Node): Inode {
  return node.upper ?? node.lowers[0];
}

/** isMerged: a directory made of more than one real directory. */
export function isMerged(node: Node): boolean {
  return realOf(node).type === 'dir' && (node.upper ? 1 : 0) + node.lowers.length > 1;
}

/** hasLowerPart: lower-only or merged — what the kernel calls "merge or lower" (spec 1.7, EXDEV). */
export function hasLowerPart(node: Node): boolean {
  return node.lowers.length > 0;
}

/** joinPath: the merged path of `name` inside `parent`. */
export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
