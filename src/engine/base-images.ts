// Bundled base images (assets/bases) as real images: their files become one layer tar written the
// way Docker writes it, so `FROM centos:latest` works offline and gets a stable diffID and image ID.
import type { BaseFile, BaseImage } from '../image/bases';
import type { ImageConfig } from '../image/types';
import { makeImage, type Image } from '../image/image';
import type { TarEntry } from '../layer/tar/entry';
import { dockerLayerTar } from '../layer/tar/docker';
import { layerFromTar } from '../layer/layer';
import type { Disk } from '../overlay/tree';

function entryOf(file: BaseFile): TarEntry {
  const name = file.path.replace(/^\/+/, '') + (file.type === 'dir' ? '/' : '');
  const entry: TarEntry = { name, type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, mtime: file.mtime, size: 0 };
  if (file.type === 'file') { entry.data = file.content ?? new Uint8Array(0); entry.size = entry.data.length; }
  if (file.type === 'symlink') entry.linkname = file.target ?? '';
  if (file.rdev) { entry.devmajor = file.rdev.major; entry.devminor = file.rdev.minor; }
  return entry;
}

/** The layer tar of each base image, written once per process (its bytes never change). */
const tars = new WeakMap<BaseImage, Uint8Array>();

/** imageOfBase turns a bundled base image into an Image whose single layer lives on `disk`. */
export function imageOfBase(base: BaseImage, disk: Disk): Image {
  let tar = tars.get(base);
  if (!tar) tars.set(base, (tar = dockerLayerTar(base.files.map(entryOf))));
  const layer = layerFromTar(tar, { disk });
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
