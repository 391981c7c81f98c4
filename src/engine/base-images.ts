// Bundled base images (assets/bases) as real images: their files become one layer tar written the
// way Docker writes it, so `FROM centos:latest` works offline and gets a stable diffID and image ID.
import type { BaseFile, BaseImage } from '../image/bases';
import type { ImageConfig } from '../image/types';
import { makeImage, type Image } from '../image/image';
import type { TarEntry } from '../layer/tar/entry';
import type { Digest } from '../layer/digest';
import { dockerLayerEntries } from '../layer/tar/docker';
import { Layer } from '../layer/layer';
import { TarSource } from '../layer/tar-source';
import { treeFromEntries } from '../layer/apply';
import { writeTar } from '../layer/tar/write';
import type { Disk } from '../overlay/tree';

/**
 * baseLayerEntries: the entries of a base image's single layer, as Docker writes them, with the
 * files' bytes (generated now) or, with `{ data: false }`, without them.
 * @example
 * const entries = baseLayerEntries(loadBaseImage('alpine'));
 * [entries.length, writeTar(entries).length] // → [ 423, 7962112 ]
 */
export function baseLayerEntries(base: BaseImage, { data = true }: { data?: boolean } = {}): TarEntry[] {
  return dockerLayerEntries(base.files.map((file) => entryOf(file, data)));
}

function entryOf(file: BaseFile, withData: boolean): TarEntry {
  const name = file.path.replace(/^\/+/, '') + (file.type === 'dir' ? '/' : '');
  const entry: TarEntry = { name, type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, mtime: file.mtime, size: 0 };
  if (file.type === 'file' && withData) { entry.data = file.content ?? new Uint8Array(0); entry.size = entry.data.length; }
  if (file.type === 'symlink') entry.linkname = file.target ?? '';
  if (file.rdev) { entry.devmajor = file.rdev.major; entry.devminor = file.rdev.minor; }
  return entry;
}

/**
 * The diffID of each base image's layer: named by its image.json (config.rootfs, as a pulled
 * image's config names its layers), else hashed once per process.
 */
const diffIDs = new WeakMap<BaseImage, Digest>();

/**
 * baseLayer: the image's layer on `disk`, as a pulled layer sits on disk rather than in memory:
 * its directory holds every name, mode and owner, but a file's bytes are generated when the file
 * is read, and the tar when someone asks for it. A build reads almost none of centos's 37 MB.
 */
function baseLayer(base: BaseImage, disk: Disk): Layer {
  const tree = treeFromEntries(baseLayerEntries(base, { data: false }), disk);
  for (const file of base.files) {
    const inode = file.type === 'file' && file.size ? tree.walk(file.path) : undefined;
    if (inode?.type === 'file') disk.attachExtent(inode, { bytes: () => file.content! }, 0, file.size!);
  }
  const layer = new Layer(tree, new TarSource(() => writeTar(baseLayerEntries(base))));
  const known = diffIDs.get(base) ?? base.config.rootfs?.diff_ids[0];
  if (known) layer.cachedDiffID = known;
  diffIDs.set(base, layer.diffID);
  return layer;
}

/** imageOfBase turns a bundled base image into an Image whose single layer lives on `disk`. */
export function imageOfBase(base: BaseImage, disk: Disk): Image {
  const layer = baseLayer(base, disk);
  const config: ImageConfig = {
    architecture: base.config.architecture,
    config: { ...base.config.config },
    created: base.config.created,
    history: base.history.map((entry) => ({ ...entry })),
    os: base.config.os,
    rootfs: { type: 'layers', diff_ids: [layer.diffID] },
  };
  return makeImage(config, [layer]);
}
