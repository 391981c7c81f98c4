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

function entryOf(file: BaseFile): TarEntry {
  const name = file.path.replace(/^\/+/, '') + (file.type === 'dir' ? '/' : '');
  const entry: TarEntry = { name, type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, mtime: file.mtime, size: 0 };
  if (file.type === 'file') { entry.data = file.content ?? new Uint8Array(0); entry.size = entry.data.length; }
  if (file.type === 'symlink') entry.linkname = file.target ?? '';
  if (file.rdev) { entry.devmajor = file.rdev.major; entry.devminor = file.rdev.minor; }
  return entry;
}

/**
 * What each base image's layer is, worked out once per process: its entries as Docker writes them
 * and, after the first host pulled it, its diffID. Another host lays the same entries out on its
 * own disk without hashing the 37 MB again.
 */
const made = new WeakMap<BaseImage, { entries: TarEntry[]; diffID?: Digest }>();

function baseLayer(base: BaseImage, disk: Disk): Layer {
  let known = made.get(base);
  if (!known) made.set(base, (known = { entries: dockerLayerEntries(base.files.map(entryOf)) }));
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
