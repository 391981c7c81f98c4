// What one layer does to the layers below it, as `docker diff` would print it (formats.md 1.6):
// `A` added, `C` changed (a directory is `C` when anything inside it changed — its presence in
// the layer says so, because overlayfs copies a directory up before touching its contents), `D`
// deleted. The layer is compared with the merged view of the layers below; whiteouts (char 0:0)
// and opaque directories (trusted.overlay.opaque=y) are the layer's own kernel forms.
import type { Inode } from '../overlay/tree';
import { isCharWhiteout, isOpaque } from '../overlay/real';
import type { Change } from '../render/types';
import { joinPath, subtreeBytes, type MergedView } from './merged-view';

/**
 * HiddenPath: a path of the lower layers this layer hides — `deleted` by a whiteout, `replaced`
 * by an entry of another kind or content, or hidden by an `opaque` directory — and the bytes that
 * stay in the image all the same (the lower layers never change).
 *
 * @example
 * const h: HiddenPath = { path: '/root/example', how: 'deleted', bytes: 6405 };
 */
export interface HiddenPath {
  path: string;
  how: 'deleted' | 'replaced' | 'opaque';
  bytes: number;
}

/**
 * LayerChanges: the `docker diff` lines of a layer, and what it hides.
 *
 * @example
 * layerChanges(layer.tree.root, lowerView).changes // [{ kind: 'A', path: '/app' }, …]
 */
export interface LayerChanges {
  changes: Change[];
  hidden: HiddenPath[];
}

/**
 * layerChanges compares a layer's directory with the merged view of the layers below (undefined: none).
 *
 * @example
 * layerChanges(image.layers[1].tree.root, mergedView(image.layers.slice(0, 1)))
 */
export function layerChanges(root: Inode, below: MergedView | undefined): LayerChanges {
  const out: LayerChanges = { changes: [], hidden: [] };
  walk(root, '/', below, below !== undefined, out);
  return out;
}

function walk(dir: Inode, path: string, below: MergedView | undefined, lowerIsDir: boolean, out: LayerChanges): void {
  if (below && lowerIsDir && isOpaque(dir, 'trusted.overlay.')) hideLowerChildren(dir, path, below, out);
  for (const [name, inode] of dir.entries!) {
    const here = joinPath(path, name);
    const lower = below && lowerIsDir ? below.lstat(here) : undefined;
    if (isCharWhiteout(inode)) {
      if (lower) deleted(here, 'deleted', below!, out);
      continue;
    }
    out.changes.push({ kind: lower ? 'C' : 'A', path: here });
    const bothDirs = lower?.isDirectory() && inode.type === 'dir';
    if (lower && !bothDirs) out.hidden.push({ path: here, how: 'replaced', bytes: subtreeBytes(below!, here) });
    if (inode.type === 'dir') walk(inode, here, below, bothDirs === true, out);
  }
}

/** An opaque directory hides every lower child it does not itself hold: each is deleted. */
function hideLowerChildren(dir: Inode, path: string, below: MergedView, out: LayerChanges): void {
  for (const name of below.readdir(path)) {
    if (!dir.entries!.has(name)) deleted(joinPath(path, name), 'opaque', below, out);
  }
}

function deleted(path: string, how: HiddenPath['how'], below: MergedView, out: LayerChanges): void {
  out.changes.push({ kind: 'D', path });
  out.hidden.push({ path, how, bytes: subtreeBytes(below, path) });
}
