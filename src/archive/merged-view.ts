// The merged view of a stack of layers — what a container started from them would see — through
// the simulated overlayfs (src/overlay), mounted with every layer as a read-only lowerdir. One
// home for "mount these layers and look", used by the layer explorer and the kernel comparison.
import type { OverlayMount } from '../overlay/mount';
import { readOnlyView } from '../engine/rootfs';
import type { Inode, Tree } from '../overlay/tree';
import type { Stats } from '../overlay/stats';
import type { Layer } from '../layer/layer';

/**
 * MergedView: read-only questions about the merged tree; `close` unmounts.
 *
 * @example
 * const view = mergedView(image.layers)!; view.lstat('/etc')?.isDirectory(); view.close();
 */
export interface MergedView {
  lstat(path: string): Stats | undefined;
  readdir(path: string): string[];
  readFile(path: string): Buffer;
  readlink(path: string): string;
  close(): void;
}

/**
 * mergedView mounts `layers` (bottom first, as in an image) read-only, without an upper, so
 * that even one layer can be mounted (readOnlyView completes a one-layer stack).
 * Extra `upper` trees (a container's read-write layer) go on top. Undefined for no layers.
 *
 * @example
 * const view = mergedView(image.layers)!;
 * view.readdir('/'); view.close();
 */
export function mergedView(layers: readonly Layer[], { upper }: { upper?: Tree | Inode } = {}): MergedView | undefined {
  const lowers: (Tree | Inode)[] = layers.map((l) => l.tree).reverse();
  if (upper) lowers.unshift(upper);
  if (lowers.length === 0) return undefined;
  const m: OverlayMount = readOnlyView(lowers);
  return {
    lstat: (path) => m.lstatSync(path, { throwIfNoEntry: false }),
    readdir: (path) => m.readdirSync(path) as string[],
    readFile: (path) => m.readFileSync(path) as Buffer,
    readlink: (path) => m.readlinkSync(path),
    close: () => m.umount(),
  };
}

/**
 * subtreeBytes adds up what a path holds in a view: a file's size, a symlink's target length,
 * and for a directory everything below it — the bytes a whiteout or opaque directory hides.
 *
 * @example
 * subtreeBytes(view, '/root/example') // 12345
 */
export function subtreeBytes(view: MergedView, path: string): number {
  const stats = view.lstat(path);
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.isFile() || stats.isSymbolicLink() ? stats.size : 0;
  return view.readdir(path).reduce((sum, name) => sum + subtreeBytes(view, joinPath(path, name)), 0);
}

/**
 * joinPath joins an absolute directory path and a name: joinPath('/', 'etc') === '/etc'.
 *
 * @example
 * joinPath('/etc', 'passwd') // '/etc/passwd'
 */
export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
