// A step-by-step narration for `docker build`: after each step that made a layer, one line saying
// what it added, changed and deleted compared with the layers below, and how big it is.
import type { Inode } from '../../overlay/tree';
import type { Image } from '../../image/image';
import type { Layer } from '../../layer/layer';
import { renderBytes } from '../../render/units';
import { imageRootfs } from '../rootfs';

/** StepChanges: files (not directories) a layer adds, changes and deletes. */
export interface StepChanges {
  added: number;
  changed: number;
  deleted: number;
  size: number;
}

/** stepChanges compares a new layer with the image it was built on. */
export function stepChanges(layer: Layer, below: Image | undefined): StepChanges {
  const view = below && below.layers.length > 0 ? imageRootfs(below) : undefined;
  const counts: StepChanges = { added: 0, changed: 0, deleted: 0, size: layer.size };
  const walk = (dir: Inode, prefix: string): void => {
    for (const [name, inode] of dir.entries!) {
      const path = `${prefix}/${name}`;
      if (inode.type === 'dir') { walk(inode, path); continue; }
      if (inode.type === 'char' && inode.rdev === 0) { counts.deleted++; continue; }
      if (view?.lstatSync(path, { throwIfNoEntry: false })) counts.changed++; else counts.added++;
    }
  };
  walk(layer.tree.root, '');
  return counts;
}

/** narration: the line printed under a step. */
export function narration({ added, changed, deleted, size }: StepChanges): string {
  return ` ---> layer: ${added} added, ${changed} changed, ${deleted} deleted (${renderBytes(size)})`;
}
