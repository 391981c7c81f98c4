// `GraphDriver` of inspect output for overlay2 (formats.md 1.3; overlayfs.md 4).
import type { GraphDriver } from './types';

/**
 * overlay2ImageGraphDriver gives an image's GraphDriver: the top layer's
 * `diff` is UpperDir, the lower layers' `diff` dirs form LowerDir (uppermost
 * first, joined by `:`). `layerCacheIds` are the overlay2 directory names,
 * bottom layer first like `rootfs.diff_ids`. A one-layer image has no
 * LowerDir key, yet still shows a WorkDir that does not exist on disk.
 *
 * @example
 * overlay2ImageGraphDriver({ layerCacheIds: ['aaa…', 'bbb…'] }).data.LowerDir; // '/var/lib/docker/overlay2/aaa…/diff'
 */
export function overlay2ImageGraphDriver({ root = '/var/lib/docker', layerCacheIds }: { root?: string; layerCacheIds: string[] }): GraphDriver {
  const dir = (id: string): string => `${root}/overlay2/${id}`;
  const top = layerCacheIds[layerCacheIds.length - 1];
  const lowers = layerCacheIds.slice(0, -1).reverse();
  const data: Record<string, string> = {};
  if (lowers.length > 0) data.LowerDir = lowers.map((id) => `${dir(id)}/diff`).join(':');
  data.MergedDir = `${dir(top)}/merged`;
  data.UpperDir = `${dir(top)}/diff`;
  data.WorkDir = `${dir(top)}/work`;
  return { name: 'overlay2', data };
}

/**
 * overlay2ContainerGraphDriver gives a container's GraphDriver: its own
 * `<mountId>/diff` is UpperDir, and LowerDir starts with the `<mountId>-init`
 * layer (the files Docker creates for every container: /etc/hosts, /.dockerenv…),
 * then the image's layers top first. `imageCacheIds` are bottom first.
 *
 * @example
 * overlay2ContainerGraphDriver({ mountId: 'm…', imageCacheIds: ['aaa…'] }).data.LowerDir;
 * // '/var/lib/docker/overlay2/m…-init/diff:/var/lib/docker/overlay2/aaa…/diff'
 */
export function overlay2ContainerGraphDriver({
  root = '/var/lib/docker',
  mountId,
  imageCacheIds,
}: { root?: string; mountId: string; imageCacheIds: string[] }): GraphDriver {
  const dir = (id: string): string => `${root}/overlay2/${id}`;
  const lowers = [`${mountId}-init`, ...[...imageCacheIds].reverse()];
  return {
    name: 'overlay2',
    data: {
      LowerDir: lowers.map((id) => `${dir(id)}/diff`).join(':'),
      MergedDir: `${dir(mountId)}/merged`,
      UpperDir: `${dir(mountId)}/diff`,
      WorkDir: `${dir(mountId)}/work`,
    },
  };
}
