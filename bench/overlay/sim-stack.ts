// The simulated side of a benchmark stack: each planned layer becomes a frozen Tree, all on one Disk
// (one simulated ext4, as under /var/lib/docker), and every mount gets a fresh upper and work dir on
// that same disk — Docker's case, where st_dev and inode numbers are the layers' own (spec 1.9).
import { Disk, Inode, Tree, mount, scratchDirs, OverlayMount } from '../../src/index';
import { addEntry } from '../../src/overlay/entries';
import type { PlanEntry, StackPlan } from './plan';

/** SimStack: the layers of a plan as Trees, top first, ready to be mounted any number of times. */
export interface SimStack {
  disk: Disk;
  layers: Tree[];
}

/**
 * buildSimStack turns a plan into frozen Trees on one Disk (built with the Tree API directly: much
 * faster than compact notation for 20,000 files).
 * @example const stack = buildSimStack(planStack({ layers: 2, files: 10 })); mountSim(stack).mount.readdirSync('/')
 */
export function buildSimStack(plan: StackPlan): SimStack {
  const disk = new Disk();
  // Build bottom-up, so inode numbers grow upwards as they would when layers are unpacked in order.
  const layers = plan.layers.slice().reverse().map((entries) => buildLayer(disk, entries)).reverse();
  return { disk, layers };
}

function buildLayer(disk: Disk, entries: PlanEntry[]): Tree {
  const tree = new Tree(disk);
  const dirs = new Map<string, Inode>([['', tree.root]]);
  for (const entry of entries) {
    const slash = entry.path.lastIndexOf('/');
    const parent = dirs.get(slash < 0 ? '' : entry.path.slice(0, slash))!;
    const inode = makeInode(disk, entry);
    addEntry(parent, entry.path.slice(slash + 1), inode);
    if (entry.kind === 'dir') dirs.set(entry.path, inode);
  }
  return tree.freeze();
}

function makeInode(disk: Disk, entry: PlanEntry): Inode {
  switch (entry.kind) {
    case 'dir': {
      const dir = disk.newInode('dir', 0o755);
      if (entry.opaque) dir.xattrs.set('trusted.overlay.opaque', Buffer.from('y'));
      return dir;
    }
    case 'file': {
      const file = disk.newInode('file', 0o644);
      disk.writeData(file, Buffer.from(entry.content), 0);
      return file;
    }
    case 'symlink': {
      const link = disk.newInode('symlink', 0o777);
      link.target = entry.target;
      return link;
    }
    case 'whiteout':
      return disk.newInode('char', 0);   // rdev 0: char 0:0
  }
}

/** SimMount: a live simulated mount and how to take it down again. */
export interface SimMount {
  mount: OverlayMount;
  release: () => void;
}

/**
 * mountSim mounts the stack with a fresh, empty upper and work dir on the layers' disk. `release`
 * unmounts and frees everything the mount wrote on that disk (inodes and file bytes), so every
 * mutating run starts from the same disk, as every kernel run starts from an empty upperdir.
 * @example const sim = mountSim(stack); sim.mount.unlinkSync('/d0/f1'); sim.release();
 */
export function mountSim(stack: SimStack): SimMount {
  const { upper, work } = scratchDirs(stack.disk);
  const m = mount({ lowers: stack.layers, upper, work });
  return { mount: m, release: () => { m.umount(); freeTree(upper.root); freeTree(work.root); } };
}

/** freeTree releases a directory's inode and everything below it on its disk (Disk.release). */
function freeTree(dir: Inode): void {
  for (const child of dir.entries!.values()) {
    if (child.type === 'dir') freeTree(child);
    else child.disk.release(child);
  }
  dir.disk.release(dir);
}
