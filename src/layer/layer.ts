// Layer: one immutable image layer — its directory (kernel form, ready to be a lowerdir), its tar
// (Docker's exact bytes) and the digests that name it. Like go-containerregistry's v1.Layer, the
// expensive values are computed once; nothing about a layer ever changes after it is made.
import type { Inode } from '../overlay/tree';
import { Disk, Tree } from '../overlay/tree';
import { TarSource } from './tar-source';
import { createHash } from 'node:crypto';
import type { Digest } from './digest';
import type { TarEntry } from './tar/entry';
import { dockerFormOf, dockerLayerEntries } from './tar/docker';
import { readTar } from './tar/read';
import { TarWriter, writeTarParts } from './tar/write';
import { concat } from './tar/pax';
import { treeFromEntries, type AttachData } from './apply';
import { entriesOfTree } from './entries';
import { normalizeForLayer } from './normalize';

let sharedDisk: Disk | undefined;

/**
 * layerDisk: the disk layers go on unless told otherwise — one disk, as /var/lib/docker is one
 * filesystem, so a stack of layers behaves as Docker's does (one st_dev, persistent st_ino).
 * @example
 * const layer = layerFromDirectory(treeFromCompact({ etc: { motd: 'hi\n' } })); // on layerDisk() by default
 * layer.tree.disk === layerDisk() // → true
 */
export function layerDisk(): Disk {
  return (sharedDisk ??= new Disk());
}

/**
 * Layer: an image layer. `tree` is frozen; `tar` is its uncompressed tar; `diffID` is sha256 of that tar.
 * @example
 * const layer: Layer = layerFromDirectory(treeFromCompact({ etc: { motd: 'hi\n' } }));
 * [layer.tree.frozen, layer.size, layer.diffID === digestOf(layer.tar)] // → [ true, 3, true ]
 */
export class Layer {
  /** Set once: by hashing the tar, or by an importer that verified the same bytes. */
  cachedDiffID?: Digest;
  private cachedSize?: number;
  private parts: Uint8Array[] = [];
  private whole?: Uint8Array;
  /** Set for a layer whose tar is not kept but fetched when needed (an imported layer). */
  private readonly source?: TarSource;

  /**
   * A layer from its tree and its tar, given whole, as pieces (joined only when someone asks), or
   * as a TarSource that fetches it on demand (then the tree's files are extents of that tar).
   * `entries`, when known, are the tar's entries (their data are the tar's own bytes), which lets
   * the same layer be laid out on another disk without copying any file.
   */
  constructor(readonly tree: Tree, tar: Uint8Array | Uint8Array[] | TarSource, private readonly entries?: TarEntry[]) {
    tree.freeze();
    if (tar instanceof TarSource) this.source = tar;
    else if (Array.isArray(tar)) this.parts = tar;
    else [this.parts, this.whole] = [[tar], tar];
  }

  /**
   * onDisk: this layer with its directory on `disk` (one simulated filesystem per Docker host).
   * The files are views of the same bytes (or extents of the same source); the digests are the same.
   */
  onDisk(disk: Disk): Layer {
    if (this.tree.disk === disk) return this;
    let copy: Layer;
    if (this.source) {
      const tar = this.source.bytes();
      copy = new Layer(treeFromEntries(readTar(tar).entries, disk, extentsOf(this.source, tar)), this.source);
    } else {
      const entries = this.entries ?? readTar(this.tar).entries;
      copy = new Layer(treeFromEntries(entries, disk), this.parts, entries);
    }
    copy.cachedDiffID = this.cachedDiffID;
    copy.cachedSize = this.cachedSize;
    return copy;
  }

  /** tar: the uncompressed layer tar, Docker's exact bytes. */
  get tar(): Uint8Array {
    if (this.source) return this.source.bytes();
    if (!this.whole) { this.whole = concat(this.parts); this.parts = [this.whole]; }
    return this.whole;
  }

  /** diffID: `sha256:` + the hex sha256 of the uncompressed tar (formats.md 2.1). */
  get diffID(): Digest {
    if (this.cachedDiffID) return this.cachedDiffID;
    const hash = createHash('sha256');
    for (const part of this.source ? [this.source.bytes()] : this.parts) hash.update(part);
    return (this.cachedDiffID = `sha256:${hash.digest('hex')}`);
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

// Files whose bytes are found again in `source` (which produced `tar`) instead of kept as views of `tar`.
function extentsOf(source: TarSource, tar: Uint8Array): AttachData {
  return (inode, data) => inode.disk.attachExtent(inode, source, data.byteOffset - tar.byteOffset, data.length);
}

/**
 * layerFromTar makes a layer from an uncompressed layer tar, applying it the way overlay2 does.
 * With `source` (a TarSource that fetches these same bytes again) the layer keeps no reference to
 * `tar`: its files are read from the source when someone reads them.
 * @example
 * const tar = writeTar([{ name: 'hello.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 3, data: new TextEncoder().encode('hi\n') }]);
 * const layer = layerFromTar(tar);
 * [layer.tree.walk('/hello.txt')!.size, layer.diffID === digestOf(tar)] // → [ 3, true ]
 */
export function layerFromTar(tar: Uint8Array, { disk = layerDisk(), source }: { disk?: Disk; source?: TarSource } = {}): Layer {
  const { entries } = readTar(tar);
  return source
    ? new Layer(treeFromEntries(entries, disk, extentsOf(source, tar)), source)
    : new Layer(treeFromEntries(entries, disk), tar, entries);
}

/**
 * layerFromEntries makes a layer from entries already in Docker's form (`dockerLayerEntries`):
 * the tar is written from them piece by piece and the directory applied from them, with no round
 * trip through one big tar buffer.
 * @example
 * const hello = { name: 'hello', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 3, data: new TextEncoder().encode('hi\n') } as const;
 * const layer = layerFromEntries(dockerLayerEntries([hello]));
 * [layer.size, layer.diffID] // → [ 3, 'sha256:720442c9…' ]
 */
export function layerFromEntries(entries: TarEntry[], { disk = layerDisk() }: { disk?: Disk } = {}): Layer {
  return new Layer(treeFromEntries(entries, disk), writeTarParts(entries), entries);
}

/**
 * layerFromDirectory makes a layer from a directory in kernel form — the upper directory of a
 * build step's mount, or a container's read-write layer — the way `docker commit` does: export it
 * as a tar (whiteouts become `.wh.` entries; overlay bookkeeping xattrs are dropped), then apply
 * that tar to a fresh directory. With `consume: true` the directory itself becomes the layer (for an
 * upper that will not be used again): same bytes and diffID, no second copy of the files.
 * @example
 * const { m, upper } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * m.unlinkSync('/etc/motd'); // the upper dir now holds a whiteout: a char device 0:0
 * readTar(layerFromDirectory(upper).tar).entries.map((e) => e.name) // → [ 'etc/', 'etc/.wh.motd' ]
 */
export function layerFromDirectory(root: Inode | Tree, { disk = layerDisk(), consume = false }: { disk?: Disk; consume?: boolean } = {}): Layer {
  const dir = root instanceof Tree ? root.root : root;
  // entriesOfTree already lists the directory in walk order: no need to sort the entries again.
  if (!consume) return layerFromEntries(dockerLayerEntries(entriesOfTree(dir), { order: 'asGiven' }), { disk });
  // `consume`: one pass, as go-archive's walk does it: each object met becomes its tar entry in
  // Docker's form, is written and hashed at once. No list of entries is walked a second time, and
  // the bytes are hashed while the tar is made, not in a pass of their own.
  const read: [Inode, Uint8Array][] = [];
  const entries: TarEntry[] = [];
  const hash = createHash('sha256');
  const writer = new TarWriter((part) => hash.update(part));
  let metCount = 0;
  entriesOfTree(dir, {
    onFile: (inode, data) => read.push([inode, data]),
    onEntry: (met) => {
      for (const entry of dockerFormOf(met, metCount++)) {
        entries.push(entry);
        writer.add(entry);
      }
    },
  });
  const parts = writer.finish();
  // The directory is of no further use (a finished build step's upper): it becomes the layer
  // itself, rewritten in place to what applying the tar would have made.
  normalizeForLayer(dir);
  // Its files now share their bytes with the tar instead of keeping a second copy in memfs.
  for (const [inode, data] of read) inode.disk.attachData(inode, data);
  const layer = new Layer(root instanceof Tree ? root : new Tree(dir.disk, dir), parts, entries);
  layer.cachedDiffID = `sha256:${hash.digest('hex')}`;
  return layer;
}
