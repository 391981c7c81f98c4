// Mount time (spec 1.1 and 1.11): the kernel's checks on the layer directories, and what it writes
// into upperdir and workdir before the first file operation.
import { Failure, fail } from './errors';
import type { Inode } from './tree';
import type { OverlayOptions } from './options';
import { addEntry, isAncestor, removeEntry } from './entries';

/** Upper directories in use by a live mount: a second mount warns, or is refused with index=on (G07, G08). */
const upperInUse = new WeakMap<Inode, number>();

/** LayerDirs: the real directories named by a mount. */
export interface LayerDirs {
  lowers: Inode[];
  dataLowers: Inode[];
  upper?: Inode;
  work?: Inode;
}

/** checkLayers: mount(2)'s EINVAL/ELOOP/EBUSY rules, in the kernel's order (table in spec 1.1). */
export function checkLayers({ lowers, dataLowers, upper, work }: LayerDirs, options: OverlayOptions): Failure | undefined {
  const all = [...lowers, ...dataLowers, ...(upper ? [upper] : []), ...(work ? [work] : [])];
  if (all.some((dir) => dir.type !== 'dir')) return fail('ENOTDIR');
  if (lowers.length === 0) return fail('EINVAL');
  if (upper && !work) return fail('EINVAL');                       // "missing 'workdir'" (G03)
  if (!upper && work) return fail('EINVAL');
  if (!upper && lowers.length + dataLowers.length < 2) return fail('EINVAL');   // "at least 2 lowerdir are needed" (G02)
  if (upper && work) {
    if (upper.disk !== work.disk) return fail('EINVAL');           // "must reside under the same mount" (G04)
    // A volatile mount leaves work/work/incompat/volatile behind; the kernel refuses to mount over it.
    if (work.entries!.get('work')?.entries?.get('incompat')?.entries?.has('volatile')) return fail('EINVAL');
    if (isAncestor(upper, work) || isAncestor(work, upper)) return fail('EINVAL');   // separate subtrees (G05)
    if (options.index && upperInUse.has(upper)) return fail('EBUSY');
  }
  const layers = [...lowers, ...dataLowers];
  for (let i = 0; i < layers.length; i++) {
    if (layers.indexOf(layers[i]) !== i) return fail('ELOOP');      // "conflicting lowerdir path" (G06c)
    if (upper && isAncestor(upper, layers[i])) return fail('ELOOP');   // "overlapping lowerdir path" (G06b)
  }
  return undefined;
}

/**
 * prepareDirs writes what the kernel writes at mount time: `work/work` (mode 0000, purged of stale
 * entries, C15), `work/index` with index=on, the volatile marker, and the upper root's uuid xattr on
 * the first mount. Returns whether this was the first mount of the upper (for `uuid=on` in /proc/mounts).
 */
export function prepareDirs(upper: Inode, work: Inode, options: OverlayOptions, prefix: string, uuid: Buffer): { scratch: Inode; firstMount: boolean } {
  const scratch = freshDir(work, 'work');
  if (options.index) {
    const index = work.entries!.get('index') ?? freshDir(work, 'index');
    index.xattrs.set(prefix + 'upper', Buffer.from([0x00, 0xfb, 0x05, 0x04, 0x00]));
  }
  if (options.volatile) {
    const volatile = freshDir(freshDir(scratch, 'incompat'), 'volatile');
    addEntry(volatile, 'dirty', volatile.disk.newInode('file', 0o600));
  }
  const firstMount = !upper.xattrs.has(prefix + 'uuid');
  if (firstMount) upper.xattrs.set(prefix + 'uuid', uuid);
  upperInUse.set(upper, (upperInUse.get(upper) ?? 0) + 1);
  return { scratch, firstMount };
}

/** releaseUpper: the mount is gone; its upper may be mounted again without EBUSY. */
export function releaseUpper(upper: Inode): void {
  const count = (upperInUse.get(upper) ?? 1) - 1;
  if (count > 0) upperInUse.set(upper, count); else upperInUse.delete(upper);
}

/** freshDir returns an emptied directory `name` in `parent` (mode 0000, as the kernel makes work/work). */
function freshDir(parent: Inode, name: string): Inode {
  const existing = parent.entries!.get(name);
  if (existing && existing.type === 'dir') {
    for (const child of [...existing.entries!.keys()]) removeEntry(existing, child);
    return existing;
  }
  if (existing) removeEntry(parent, name);
  const dir = parent.disk.newInode('dir', 0);
  addEntry(parent, name, dir);
  return dir;
}
