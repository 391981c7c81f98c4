// `/var/lib/docker` with the overlay2 driver, built from plain data (formats.md 1.4;
// overlayfs.md 4). Every small file is written WITHOUT a trailing newline, as
// moby writes them, so `cat link` prints the ID and the prompt follows directly.
import { catLink, catLower, file, layerDbFiles, renderRepositoriesJson, type LayerDbEntry } from './docker-files';
import { renderFind, renderTree, type TreeNode } from './tree';

/**
 * Overlay2Dir is one directory under `overlay2/`: an image layer (named by its
 * random cache ID), a container's `<mountId>-init` layer or its `<mountId>` RW
 * layer. `lower` lists link IDs top first; `work` exists only for layers with
 * a parent; `mounted` adds `merged/` and the kernel's `work/work`.
 *
 * @example
 * const layer: Overlay2Dir = { id: ids.hex64(), link: ids.linkId(), lower: [baseLink] };
 */
export interface Overlay2Dir {
  id: string;
  link: string;
  lower?: string[];
  committed?: boolean;
  mounted?: boolean;
  diff?: TreeNode[];
}

/**
 * ImageDbEntry is a config in `imagedb/content` (file name = image ID hex)
 * plus its optional `metadata/` files.
 *
 * @example
 * const image: ImageDbEntry = { id: imageId, config: Buffer.from(configBytes(cfg)).toString() };
 */
export interface ImageDbEntry {
  id: string;
  config?: string;
  parent?: string;
  lastUpdated?: string;
}

/**
 * ContainerLayerEntry is `layerdb/mounts/<containerId>/`: the container's RW
 * layer directory (`mount-id`), its init layer and the image's top ChainID.
 *
 * @example
 * const mount: ContainerLayerEntry = { containerId, mountId, parentChainId: topChainId };
 */
export interface ContainerLayerEntry {
  containerId: string;
  mountId: string;
  parentChainId: string;
}

/**
 * DockerRoot is the state shown by `renderDockerRoot`. `repositories` maps a
 * repository to its references (`busybox:latest`) and their image IDs.
 *
 * @example
 * const state: DockerRoot = { overlay2: [], layers: [], images: [], repositories: {} };
 */
export interface DockerRoot {
  root?: string;
  overlay2: Overlay2Dir[];
  layers: LayerDbEntry[];
  images: ImageDbEntry[];
  mounts?: ContainerLayerEntry[];
  repositories?: Record<string, Record<string, string>>;
}

const dir = (name: string, children: TreeNode[] = []): TreeNode => ({ name, kind: 'dir', children });
const hex = (digest: string): string => digest.replace(/^sha256:/, '');

/**
 * dockerRootTree builds the TreeNode of `/var/lib/docker` for the state given.
 *
 * @example
 * const tree = dockerRootTree({ overlay2: [{ id: 'a1b2', link: 'LINKA' }], layers: [], images: [] });
 * findNode(tree, 'overlay2/a1b2/link')?.content // → LINKA
 */
export function dockerRootTree(state: DockerRoot): TreeNode {
  return dir(state.root ?? '/var/lib/docker', [
    dir('image', [dir('overlay2', imageStoreChildren(state))]),
    dir('overlay2', [...state.overlay2.map(overlay2Dir), dir('l', state.overlay2.map(linkSymlink))]),
  ]);
}

/** The contents of `overlay2/<id>/`. */
function overlay2Dir(layer: Overlay2Dir): TreeNode {
  const children = [dir('diff', layer.diff ?? []), file('link', catLink(layer.link))];
  if (layer.lower && layer.lower.length > 0) {
    children.push(file('lower', catLower(layer.lower)), dir('work', layer.mounted ? [dir('work')] : []));
  }
  if (layer.mounted) children.push(dir('merged'));
  if (layer.committed) children.push(file('committed'));
  return dir(layer.id, children);
}

function linkSymlink(layer: Overlay2Dir): TreeNode {
  return { name: layer.link, kind: 'symlink', target: `../${layer.id}/diff`, targetIsDir: true };
}

function imageStoreChildren(state: DockerRoot): TreeNode[] {
  const layerDirs = state.layers.map((l) => dir(hex(l.chainId), layerDbFiles(l)));
  const mounts = (state.mounts ?? []).map((m) => dir(m.containerId, mountFiles(m)));
  return [
    dir('distribution'),
    dir('imagedb', [
      dir('content', [dir('sha256', state.images.map((i) => file(hex(i.id), i.config ?? '')))]),
      dir('metadata', [dir('sha256', state.images.filter(hasMetadata).map(imageMetadataDir))]),
    ]),
    dir('layerdb', [dir('mounts', mounts), dir('sha256', layerDirs), dir('tmp')]),
    file('repositories.json', renderRepositoriesJson(state.repositories ?? {})),
  ];
}

function hasMetadata(image: ImageDbEntry): boolean {
  return image.parent !== undefined || image.lastUpdated !== undefined;
}

function imageMetadataDir(image: ImageDbEntry): TreeNode {
  const files: TreeNode[] = [];
  if (image.lastUpdated !== undefined) files.push(file('lastUpdated', image.lastUpdated));
  if (image.parent !== undefined) files.push(file('parent', image.parent));
  return dir(hex(image.id), files);
}

function mountFiles(m: ContainerLayerEntry): TreeNode[] {
  return [file('init-id', `${m.mountId}-init`), file('mount-id', m.mountId), file('parent', m.parentChainId)];
}

/**
 * renderDockerRoot lists `/var/lib/docker` like `LC_ALL=C tree /var/lib/docker`
 * (default) or `find /var/lib/docker | sort` (`format: 'find'`).
 *
 * @example
 * renderDockerRoot({ overlay2: [{ id: 'a1b2', link: 'LINKA', diff: [{ name: 'hi.txt', kind: 'file', content: 'hi' }] }], layers: [], images: [] })
 * // → /var/lib/docker…a1b2…diff…hi.txt…link…l…LINKA -> ../a1b2/diff
 */
export function renderDockerRoot(state: DockerRoot, { format = 'tree' }: { format?: 'tree' | 'find' } = {}): string {
  const tree = dockerRootTree(state);
  return format === 'find' ? renderFind(tree, tree.name) : renderTree(tree, tree.name);
}
