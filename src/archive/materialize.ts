// Materializing an image as Docker's overlay2 driver lays it out on disk (formats.md 1.3, 1.4):
//   l/<LINKID> -> ../<cacheID>/diff     short names that keep the mount data string small
//   <cacheID>/diff/                      the layer in kernel form (whiteouts 0:0, opaque xattr)
//   <cacheID>/link                       "<LINKID>" (no newline)
//   <cacheID>/lower                      "l/<parent>:l/<grandparent>:…" uppermost first (not for the base)
//   <cacheID>/work/                      for every layer with a parent (mode 0700)
//   <cacheID>/committed                  an empty marker in each parent
// plus a container directory on top whose diff is the container's upper (empty when none is
// given), which is what gets mounted. IDs are seeded (src/image/ids.ts), so a lesson shows the
// same names every run where Docker draws random ones.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Image } from '../image/image';
import type { Inode } from '../overlay/tree';
import { createIdGenerator } from '../image/ids';
import { MaterializeError } from './errors';
import { writeTree } from './real-fs';

/**
 * MaterializedLayer: where one layer went.
 *
 * @example
 * materialize(image, { dir }).layers[0] // { cacheID: '3f9c…', linkID: 'XQ4M…' }
 */
export interface MaterializedLayer {
  cacheID: string;
  linkID: string;
}

/**
 * Materialized: an overlay2 root on disk, ready to mount. `mountData` is the `-o` string Docker
 * builds, with paths relative to `root` (mount from there: cwd = root).
 *
 * @example
 * const m = materialize(image, { dir: '/tmp/ov2' });
 * m.mountData // 'index=off,lowerdir=l/…:l/…,upperdir=<id>/diff,workdir=<id>/work'
 */
export interface Materialized {
  root: string;
  layers: MaterializedLayer[];
  container: MaterializedLayer;
  mountData: string;
  /** mergedDir: the absolute path to mount on (`<container>/merged`). */
  mergedDir: string;
}

/**
 * MaterializeOptions: the target directory (must be empty or absent), a container upper, the ID seed.
 *
 * @example
 * materialize(image, { dir: '/tmp/ov2', upper: container.upperDir, seed: 'lesson-3' })
 */
export interface MaterializeOptions {
  dir: string;
  upper?: Inode;
  seed?: string | number;
  allowDevices?: boolean;
}

/**
 * materialize writes the image's layers (and a container's upper) under `dir` in overlay2's
 * layout. Needs root for whiteouts (mknod) and trusted.* xattrs. Throws MaterializeError when
 * `dir` is not empty or a layer holds something unsafe to create.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const dir = mkdtempSync(join(tmpdir(), 'layerlab-ov2-'));
 * const root = materialize(image, { dir }); rmSync(dir, { recursive: true });
 * root.mountData // → index=off,lowerdir=l/…,upperdir=…/diff,workdir=…/work
 */
export function materialize(image: Image, { dir, upper, seed = image.id, allowDevices = false }: MaterializeOptions): Materialized {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  if (readdirSync(root).length > 0) throw new MaterializeError({ path: root, reason: 'the target directory is not empty' });
  mkdirSync(join(root, 'l'), { mode: 0o700 });
  const ids = createIdGenerator(seed);
  const layers: MaterializedLayer[] = [];
  for (const layer of image.layers) {
    const made = layerDir(root, { cacheID: ids.hex64(), linkID: ids.linkId() }, layers);
    writeTree(layer.tree.root, join(root, made.cacheID, 'diff'), { allowDevices });
    layers.push(made);
  }
  const container = layerDir(root, { cacheID: ids.hex64(), linkID: ids.linkId() }, layers);
  if (upper) writeTree(upper, join(root, container.cacheID, 'diff'), { allowDevices });
  mkdirSync(join(root, container.cacheID, 'merged'));
  return { root, layers, container, mountData: mountData([...layers].reverse(), container), mergedDir: join(root, container.cacheID, 'merged') };
}

/** layerDir makes `<cacheID>/{diff,link,lower,work}` and `l/<linkID>` for a layer above `below`. */
function layerDir(root: string, made: MaterializedLayer, below: MaterializedLayer[]): MaterializedLayer {
  const home = join(root, made.cacheID);
  mkdirSync(join(home, 'diff'), { recursive: true });
  writeFileSync(join(home, 'link'), made.linkID);
  symlinkSync(`../${made.cacheID}/diff`, join(root, 'l', made.linkID));
  if (below.length > 0) {
    writeFileSync(join(home, 'lower'), [...below].reverse().map((l) => `l/${l.linkID}`).join(':'));
    mkdirSync(join(home, 'work'));
    chmodSync(join(home, 'work'), 0o700);
    writeFileSync(join(root, below[below.length - 1].cacheID, 'committed'), '');
  }
  return made;
}

/**
 * mountData is the overlay mount data string overlay2 builds: `index=off` (moby's indexOff, on
 * every kernel that has the option), short `l/` lowerdirs (uppermost first), the container's
 * diff as upperdir and its work dir, all relative to the overlay2 root — the form moby uses when
 * absolute paths would not fit in a page, mounted from the root as its working directory.
 *
 * @example
 * mountData([{ cacheID: 'c2', linkID: 'B' }, { cacheID: 'c1', linkID: 'A' }], { cacheID: 'ct', linkID: 'C' })
 * // 'index=off,lowerdir=l/B:l/A,upperdir=ct/diff,workdir=ct/work'
 */
export function mountData(lowersTopFirst: MaterializedLayer[], container: MaterializedLayer): string {
  const lowerdir = lowersTopFirst.map((l) => `l/${l.linkID}`).join(':');
  return `index=off,lowerdir=${lowerdir},upperdir=${container.cacheID}/diff,workdir=${container.cacheID}/work`;
}
