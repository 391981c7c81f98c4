// What a directory keeps when Docker exports it as a layer tar and applies that tar again
// (overlayfs.md section 4): whole-second times, only the security.capability xattr (plus the
// opaque mark, which the tar carries as `.wh..wh..opq`), one inode per whiteout, a plain root.
// Applying this to a directory nobody uses any more gives the layer without a round trip
// through tar bytes — the same tree `layerFromTar(dockerLayerTar(…))` would build.
import type { Inode } from '../overlay/tree';
import { addEntry } from '../overlay/entries';

const KEPT_XATTRS = new Set(['security.capability']);
const OPAQUE = 'trusted.overlay.opaque';

/** normalizeForLayer rewrites `root` in place into the form an applied layer tar has. */
export function normalizeForLayer(root: Inode): void {
  root.mode = 0o755;
  root.uid = root.gid = 0;
  root.xattrs = new Map();
  normalizeDir(root);
}

function normalizeDir(dir: Inode): void {
  for (const [name, inode] of [...dir.entries!]) {
    if (inode.type === 'char' && inode.rdev === 0) { separateWhiteout(dir, name, inode); continue; }
    keepExportedXattrs(inode);
    wholeSeconds(inode);
    if (inode.type === 'dir') normalizeDir(inode);
  }
}

/** A shared whiteout inode becomes one inode per name, as each `.wh.` file is applied on its own. */
function separateWhiteout(dir: Inode, name: string, shared: Inode): void {
  const whiteout = dir.disk.newInode('char', 0, shared.uid, shared.gid);
  whiteout.mtimeMs = whiteout.atimeMs = Math.floor(shared.mtimeMs / 1000) * 1000;
  dir.entries!.delete(name);
  shared.nlink--;
  const { mtimeMs, ctimeMs } = dir;
  addEntry(dir, name, whiteout);
  [dir.mtimeMs, dir.ctimeMs] = [mtimeMs, ctimeMs];
}

function keepExportedXattrs(inode: Inode): void {
  const opaque = inode.type === 'dir' && inode.xattrs.get(OPAQUE)?.toString() === 'y';
  for (const name of [...inode.xattrs.keys()]) if (!KEPT_XATTRS.has(name)) inode.xattrs.delete(name);
  if (opaque) inode.xattrs.set(OPAQUE, Buffer.from('y'));
}

function wholeSeconds(inode: Inode): void {
  inode.mtimeMs = inode.atimeMs = Math.floor(inode.mtimeMs / 1000) * 1000;
}
