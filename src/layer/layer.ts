// Layer: one immutable image layer — its directory (kernel form, ready to be a lowerdir), its tar
// (Docker's exact bytes) and the digests that name it. Like go-containerregistry's v1.Layer, the
// expensive values are computed once; nothing about a layer ever changes after it is made.
import type { Inode } from '../overlay/tree';
import { Disk, Tree } from '../overlay/tree';
import { digestOf, type Digest } from './digest';
import { dockerLayerTar } from './tar/docker';
import { readTar } from './tar/read';
import { treeFromEntries } from './apply';
import { entriesOfTree } from './entries';

let sharedDisk: Disk | undefined;

/**
 * layerDisk: the disk layers go on unless told otherwise — one disk, as /var/lib/docker is one
 * filesystem, so a stack of layers behaves as Docker's does (one st_dev, persistent st_ino).
 */
export function layerDisk(): Disk {
  return (sharedDisk ??= new Disk());
}

/** Layer: an image layer. `tree` is frozen; `tar` is its uncompressed tar; `diffID` is sha256 of that tar. */
export class Layer {
  private cachedDiffID?: Digest;
  private cachedSize?: number;

  constructor(readonly tree: Tree, readonly tar: Uint8Array) {
    tree.freeze();
  }

  /** diffID: `sha256:` + the hex sha256 of the uncompressed tar (formats.md 2.1). */
  get diffID(): Digest {
    return (this.cachedDiffID ??= digestOf(this.tar));
  }

  /**
   * size: what `docker history` and the layer store report: the bytes of every non-directory in
   * the layer's diff directory, each inode counted once (whiteouts count 0, symlinks their target).
   */
  get size(): number {
    return (this.cachedSize ??= treeSize(this.tree.root, new Set()));
  }
}

function treeSize(dir: Inode, seen: Set<Inode>): number {
  let total = 0;
  for (const inode of dir.entries!.values()) {
    if (inode.type === 'dir') { total += treeSize(inode, seen); continue; }
    if (seen.has(inode)) continue;
    seen.add(inode);
    total += inode.type === 'file' ? inode.size : inode.type === 'symlink' ? Buffer.byteLength(inode.target ?? '') : 0;
  }
  return total;
}

/**
 * layerFromTar makes a layer from an uncompressed layer tar, applying it the way overlay2 does.
 * @example const layer = layerFromTar(tarBytes); layer.diffID // 'sha256:…'
 */
export function layerFromTar(tar: Uint8Array, { disk = layerDisk() }: { disk?: Disk } = {}): Layer {
  return new Layer(treeFromEntries(readTar(tar).entries, disk), tar);
}

/**
 * layerFromDirectory makes a layer from a directory in kernel form — the upper directory of a
 * build step's mount, or a container's read-write layer — the way `docker commit` does: export it
 * as a tar (whiteouts become `.wh.` entries; overlay bookkeeping xattrs are dropped), then apply
 * that tar to a fresh directory.
 * @example const layer = layerFromDirectory(stepMount.upperDir!);
 */
export function layerFromDirectory(root: Inode | Tree, { disk = layerDisk() }: { disk?: Disk } = {}): Layer {
  const dir = root instanceof Tree ? root.root : root;
  return layerFromTar(dockerLayerTar(entriesOfTree(dir)), { disk });
}
