// Bundled base images (assets/bases) as real images: their files become one layer tar written the
// way Docker writes it, so `FROM centos:latest` works offline and gets a stable diffID and image ID.
import type { BaseFile, BaseImage } from '../image/bases';
import type { ImageConfig } from '../image/types';
import { makeImage, type Image } from '../image/image';
import type { TarEntry } from '../layer/tar/entry';
import type { Digest } from '../layer/digest';
import { dockerLayerEntries } from '../layer/tar/docker';
import { layerFromEntries, type Layer } from '../layer/layer';
import type { Disk } from '../overlay/tree';

/**
 * baseLayerEntries: the entries of a base image's single layer, as Docker writes them.
 * @example
 * writeTar(baseLayerEntries(loadBaseImage('alpine'))).length // 7.7 MB: the alpine layer tar
 */
export function baseLayerEntries(base: BaseImage): TarEntry[] {
  return dockerLayerEntries(base.files.map(entryOf));
}

function entryOf(file: BaseFile): TarEntry {
  const name = file.path.replace(/^\/+/, '') + (file.type === 'dir' ? '/' : '');
  const entry: TarEntry = { name, type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, mtime: file.mtime, size: 0 };
  if (file.type === 'file') { entry.data = file.content ?? new Uint8Array(0); entry.size = entry.data.length; }
  if (file.type === 'symlink') entry.linkname = file.target ?? '';
  if (file.rdev) { entry.devmajor = file.rdev.major; entry.devminor = file.rdev.minor; }
  return entry;
}

/**
 * What each base image's layer is, worked out once per process: its entries and its diffID. The
 * diffID comes with the image, in its config's rootfs (as a pulled image's does); hashed only
 * for an image.json that does not name it.
 */
const made = new WeakMap<BaseImage, { entries: TarEntry[]; diffID?: Digest }>();

function baseLayer(base: BaseImage, disk: Disk): Layer {
  let known = made.get(base);
  if (!known) made.set(base, (known = { entries: baseLayerEntries(base), diffID: base.config.rootfs?.diff_ids[0] }));
  const layer = layerFromEntries(known.entries, { disk, verifiedDiffID: known.diffID });
  known.diffID = layer.diffID;
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
