// A lesson's layers and mounts, made from small hand-written layer specs (the compact notation of
// overlay/compact.ts). Every mount is built from scratch — fresh disk, layers, upper and work — so
// a cell that writes through it gives the same output however often it is run, and a change to a
// layer spec shows in every cell run after it.
import { Disk, Tree, makedev } from '../overlay/tree';
import { OverlayMount, mount } from '../overlay/mount';
import { Compact, treeFromCompact } from '../overlay/compact';
import { OverlayOptions } from '../overlay/options';
import { renderMountLine } from '../render/mount-line';
import { NamedDir } from './stack-view';

/**
 * LayerSpec: one layer by hand: a name, the Dockerfile line that made it, its files (in compact
 * notation: a string is a file, '->target' a symlink, 'WHITEOUT' a whiteout, an object a directory).
 * @example
 * const spec: LayerSpec = { name: 'base', createdBy: 'FROM scratch', files: { etc: { motd: 'hi\n' }, bin: '->usr/bin', gone: 'WHITEOUT' } };
 * listDir(buildLayers([spec])[0].tree.root, spec.name)
 * // → base/bin       l 777 0:0  -> usr/bin
 * // → base/gone      c 000 0:0  char 0:0 = whiteout
 */
export interface LayerSpec {
  name: string;
  createdBy?: string;
  files: Record<string, Compact>;
}

/**
 * LabLayer: a built, frozen layer.
 * @example
 * const [base]: LabLayer[] = buildLayers([{ name: 'base', createdBy: 'FROM scratch', files: { etc: { motd: 'hi\n' } } }]);
 * [base.name, base.createdBy, base.tree.frozen] // → [ 'base', 'FROM scratch', true ]
 */
export interface LabLayer {
  name: string;
  createdBy?: string;
  tree: Tree;
}

/**
 * LabMount: a mounted stack: the mount `m`, its layers (BOTTOM first, as RootFS.Layers lists them), upper, work, and the paths the mount line shows.
 * @example
 * const lab: LabMount = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.writeFileSync('/new.txt', 'x');
 * [lab.paths.upper, [...lab.upper.root.entries!.keys()]] // → [ '/lab/upper', [ 'new.txt' ] ]
 */
export interface LabMount {
  m: OverlayMount;
  layers: LabLayer[];
  upper: Tree;
  work: Tree;
  paths: { lowers: string[]; upper: string; work: string; merged: string };
}

/** labDisk: a disk with a fixed device number, so every run prints the same numbers. */
const labDisk = (): Disk => new Disk({ dev: makedev(254, 1) });

/**
 * buildLayers builds frozen layers from specs given BOTTOM first (the base image first, as
 * `docker image inspect` lists RootFS.Layers), all on one disk as in /var/lib/docker.
 * @example
 * const layers = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'app', files: { 'app.js': 'run()' } }]);
 * layers.map((layer) => `${layer.name}: ${layer.tree.frozen ? 'frozen' : 'writable'}`) // → [ 'base: frozen', 'app: frozen' ]
 */
export function buildLayers(specs: LayerSpec[], disk: Disk = labDisk()): LabLayer[] {
  return specs.map(({ name, createdBy, files }) => ({ name, ...(createdBy ? { createdBy } : {}), tree: treeFromCompact(files, disk).freeze() }));
}

/**
 * mountLayers builds the layers on a fresh disk and mounts them with a fresh upper and work dir
 * (the top layer first in `lowerdir=`, as Docker does). `options` is a mount data string.
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'top', files: { etc: { motd: 'hello\n' } } }]);
 * m.readFileSync('/etc/motd', 'utf8') // → hello
 */
export function mountLayers(specs: LayerSpec[], options?: string | Partial<OverlayOptions>, root = '/lab'): LabMount {
  const disk = labDisk();
  const layers = buildLayers(specs, disk);
  const upper = new Tree(disk);
  const work = new Tree(disk);
  const lowers = layers.slice().reverse();
  const m = mount({ lowers: lowers.map((l) => l.tree), upper, work, ...(options ? { options } : {}) });
  const paths = { lowers: lowers.map((l) => `${root}/layers/${l.name}`), upper: `${root}/upper`, work: `${root}/work`, merged: `${root}/merged` };
  return { m, layers, upper, work, paths };
}

/**
 * mountLine: the line `mount` prints for a LabMount, with the options the kernel adds.
 * @example
 * const lab = mountLayers([{ name: 'base', files: {} }, { name: 'top', files: {} }]);
 * mountLine(lab) // → overlay on /lab/merged type overlay (rw,relatime,lowerdir=/lab/layers/top:/lab/layers/base,upperdir=/lab/upper,…)
 */
export function mountLine(lab: LabMount): string {
  const extra = lab.m.procMountsSuffix().split(',').filter((part) => part !== '');
  return renderMountLine({ mountPoint: lab.paths.merged, lowerDirs: lab.paths.lowers, upperDir: lab.paths.upper, workDir: lab.paths.work, extraOptions: extra });
}

/**
 * stackDirs: the real directories of a LabMount TOP first — the upper, then lowerdir= order — or of
 * bare layers (bottom-first list) without an upper. This is what the pictures take.
 * @example
 * const lab = mountLayers([{ name: 'base', files: {} }, { name: 'top', files: {} }]);
 * stackDirs(lab).map((dir) => dir.name) // → [ 'upper', 'top', 'base' ]
 */
export function stackDirs(source: LabMount | LabLayer[]): NamedDir[] {
  const layers = Array.isArray(source) ? source : source.layers;
  const lowers = layers.slice().reverse().map((l) => ({ name: l.name, dir: l.tree.root }));
  return Array.isArray(source) ? lowers : [{ name: 'upper', dir: source.upper.root, upper: true }, ...lowers];
}
