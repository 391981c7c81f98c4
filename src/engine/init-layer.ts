// The `<mountID>-init` layer Docker puts between an image and every container
// (daemon/initlayer/setup_unix.go; formats.md 1.3, overlayfs.md 4): mount points for the bind
// mounts Docker adds at run time, kept out of the container's own read-write layer.
import { Disk, Tree } from '../overlay/tree';
import { treeFromCompact } from '../overlay/compact';

/**
 * initLayerTree: dirs /dev/pts /dev/shm /proc /sys (0755); empty files /.dockerenv,
 * /etc/resolv.conf, /etc/hosts, /etc/hostname, /dev/console created with O_CREATE and mode 0755;
 * the symlink /etc/mtab -> /proc/mounts.
 */
export function initLayerTree(disk: Disk): Tree {
  const file = { type: 'file', mode: '0755', content: '' } as const;
  return treeFromCompact({
    '.dockerenv': file,
    dev: { console: file, pts: {}, shm: {} },
    etc: { hostname: file, hosts: file, mtab: '->/proc/mounts', 'resolv.conf': file },
    proc: {},
    sys: {},
  }, disk).freeze();
}
