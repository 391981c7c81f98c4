// The `<mountID>-init` layer Docker puts between an image and every container
// (daemon/initlayer/setup_unix.go; formats.md 1.3, overlayfs.md 4): mount points for the bind
// mounts Docker adds at run time (/etc/hosts, /etc/resolv.conf, …), kept out of the container's own
// read-write layer.
//
// Setup runs on the init layer *mounted over the image*: for each path it first unlinks every
// component that is in the way (so a file or symlink from the image cannot redirect it), then
// creates the path only if the merged view lacks it. So the init layer's diff depends on the image:
// CentOS already has /proc and /sys, but its /etc/hosts is replaced by an empty file.
import { mount } from '../overlay/mount';
import type { Disk, Tree } from '../overlay/tree';
import { Tree as TreeClass } from '../overlay/tree';
import { layerFromDirectory } from '../layer/layer';

/** INIT_PATHS: what Setup makes sure exists, in Docker's order (dirs, empty files, one symlink). */
export const INIT_PATHS: [string, 'dir' | 'file' | string][] = [
  ['/dev/pts', 'dir'], ['/dev/shm', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'],
  ['/.dockerenv', 'file'], ['/etc/resolv.conf', 'file'], ['/etc/hosts', 'file'], ['/etc/hostname', 'file'],
  ['/dev/console', 'file'], ['/etc/mtab', '/proc/mounts'],
];

/** initLayerTree: the init layer for a container of an image whose layers are `imageTrees` (top first). */
export function initLayerTree(disk: Disk, imageTrees: Tree[]): Tree {
  const upper = new TreeClass(disk);
  const lowers = imageTrees.length > 0 ? imageTrees : [new TreeClass(disk).freeze()];
  const view = mount({ lowers, upper, work: new TreeClass(disk) });
  for (const [path, kind] of INIT_PATHS) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      try { view.unlinkSync('/' + parts.slice(0, i).join('/')); } catch { /* a directory, or nothing: fine */ }
    }
    if (view.existsSync(path) || view.lstatSync(path, { throwIfNoEntry: false })) continue;
    const parent = '/' + parts.slice(0, -1).join('/');
    view.mkdirSync(parent, { recursive: true, mode: 0o755 });
    if (kind === 'dir') view.mkdirSync(path, { mode: 0o755 });
    else if (kind === 'file') { view.writeFileSync(path, '', { mode: 0o755 }); view.chmodSync(path, 0o755); }
    else view.symlinkSync(kind, path);
  }
  return layerFromDirectory(upper, { disk, consume: true }).tree;
}
