// A generated layer stack, as plain data: what each lower layer holds and what the merged mount must
// show. The same plan is built twice — as simulated Trees and as real directories on a tmpfs — so the
// simulation and the kernel are timed on exactly the same stack.
//
// Shape (seeded, deterministic): nested directories; N regular files spread over L layers; of those,
// 10% are shadowed by a copy in a higher layer, 5% are whited out (char 0:0) in a higher layer, and
// about 2% of the leaf directories are re-created opaque (trusted.overlay.opaque=y) in a higher layer,
// hiding what lies below them (spec 1.2, 1.5, 1.6). A one-layer stack has no "higher layer", so it
// has no shadows, whiteouts or opaque directories.
import { seededRandom, Random } from '../harness/random';
import { LayerBuilder, PlanEntry } from './layer-builder';

export type { PlanEntry } from './layer-builder';

/** StackPlan: the layers (top first, as in lowerdir=) and what the merged view must contain. */
export interface StackPlan {
  seed: number;
  layerCount: number;
  fileCount: number;
  /** Each lower layer's entries, top layer first; parents always come before their children. */
  layers: PlanEntry[][];
  /** Every path the merged mount shows (no leading slash), sorted, parents before children. */
  visible: string[];
  /** The visible regular files: the lower files copy-up and unlink work on. */
  visibleFiles: string[];
  counts: { dirs: number; shadowed: number; whitedOut: number; opaqueDirs: number; hiddenByOpaque: number; symlinks: number };
}

/** The shares of files (and of leaf directories, for opaque ones) the generator covers, as the issue asks. */
export const SHADOWED_SHARE = 0.10;
export const WHITEOUT_SHARE = 0.05;
export const OPAQUE_LEAF_SHARE = 0.02;
export const SYMLINK_SHARE = 0.02;
const FILES_PER_DIR = 25;
const MAX_DEPTH = 5;

interface Dir { path: string; depth: number; leaf: boolean }
interface File { path: string; dir: number; home: number; fate: 'plain' | 'shadowed' | 'whitedOut' | 'hidden' }

/**
 * planStack generates a stack of `layers` lower layers holding `files` regular files in total.
 * Layers are numbered bottom-up while generating (0 = the bottom) and reversed at the end.
 * @example planStack({ layers: 10, files: 1000, seed: 1 }).visible.length
 */
export function planStack({ layers, files, seed = 1 }: { layers: number; files: number; seed?: number }): StackPlan {
  const random = seededRandom(seed);
  const dirs = makeDirs(random, Math.max(1, Math.ceil(files / FILES_PER_DIR)));
  const all: File[] = [];
  for (let i = 0; i < files; i++) {
    const dir = random.int(dirs.length);
    all.push({ path: `${dirs[dir].path}/f${i}`, dir, home: random.int(layers), fate: 'plain' });
  }
  const builders = Array.from({ length: layers }, () => new LayerBuilder());
  const opaque = markOpaque(random, dirs, all, builders);
  const { shadowed, whitedOut } = shadowAndWhiteOut(random, all, opaque.dirs, builders);
  for (const file of all) builders[file.home].addFile(file.path, `${file.path}\n`);
  const symlinks = addSymlinks(random, all, opaque.dirs, builders);
  const visibleFiles = [...all.filter((f) => f.fate === 'plain' || f.fate === 'shadowed').map((f) => f.path), ...opaque.kept].sort();
  const dirPaths = new Set<string>();
  for (const builder of builders) for (const path of builder.dirs()) dirPaths.add(path);
  return {
    seed, layerCount: layers, fileCount: files,
    layers: builders.map((b) => b.entries).reverse(),
    visible: [...dirPaths, ...visibleFiles, ...symlinks].sort(),
    visibleFiles,
    counts: { dirs: dirPaths.size, shadowed, whitedOut, opaqueDirs: opaque.dirs.size, hiddenByOpaque: opaque.hidden, symlinks: symlinks.length },
  };
}

/** makeDirs: a random nested directory tree; each new directory hangs under an earlier one or the root. */
function makeDirs(random: Random, count: number): Dir[] {
  const dirs: Dir[] = [];
  for (let i = 0; i < count; i++) {
    const under = i > 0 && random.next() < 0.8 ? dirs[random.int(i)] : undefined;
    const parent = under && under.depth < MAX_DEPTH ? under : undefined;
    if (parent) parent.leaf = false;
    dirs.push({ path: parent ? `${parent.path}/d${i}` : `d${i}`, depth: parent ? parent.depth + 1 : 1, leaf: true });
  }
  return dirs;
}

/**
 * markOpaque re-creates some leaf directories opaque in a layer above the bottom one: files of theirs
 * from lower layers disappear, and two files written next to the marker stay visible.
 */
function markOpaque(random: Random, dirs: Dir[], files: File[], builders: LayerBuilder[]): { dirs: Map<number, number>; hidden: number; kept: string[] } {
  const marked = new Map<number, number>();   // dir index -> layer holding the opaque marker
  const kept: string[] = [];
  if (builders.length < 2) return { dirs: marked, hidden: 0, kept };
  const leaves = dirs.map((d, i) => (d.leaf ? i : -1)).filter((i) => i >= 0);
  const count = Math.max(1, Math.round(leaves.length * OPAQUE_LEAF_SHARE));
  for (const dir of random.shuffled(leaves).slice(0, count)) {
    const layer = 1 + random.int(builders.length - 1);
    marked.set(dir, layer);
    builders[layer].addDir(dirs[dir].path, { opaque: true });
    for (const name of ['kept0', 'kept1']) {
      builders[layer].addFile(`${dirs[dir].path}/${name}`, 'written above the opaque marker\n');
      kept.push(`${dirs[dir].path}/${name}`);
    }
  }
  let hidden = 0;
  for (const file of files) {
    const layer = marked.get(file.dir);
    if (layer !== undefined && file.home < layer) { file.fate = 'hidden'; hidden++; }
  }
  return { dirs: marked, hidden, kept };
}

/** shadowAndWhiteOut picks files below the top layer and covers them from a random higher layer. */
function shadowAndWhiteOut(random: Random, files: File[], opaque: Map<number, number>, builders: LayerBuilder[]): { shadowed: number; whitedOut: number } {
  const top = builders.length - 1;
  const eligible = random.shuffled(files.filter((f) => f.home < top && !opaque.has(f.dir)));
  const wantShadowed = Math.round(files.length * SHADOWED_SHARE);
  const wantWhitedOut = Math.round(files.length * WHITEOUT_SHARE);
  const shadowed = eligible.slice(0, wantShadowed);
  const whitedOut = eligible.slice(wantShadowed, wantShadowed + wantWhitedOut);
  const higher = (file: File): number => file.home + 1 + random.int(top - file.home);
  for (const file of shadowed) {
    file.fate = 'shadowed';
    builders[higher(file)].addFile(file.path, `shadow of ${file.path}\n`);
  }
  for (const file of whitedOut) {
    file.fate = 'whitedOut';
    builders[higher(file)].addWhiteout(file.path);
  }
  return { shadowed: shadowed.length, whitedOut: whitedOut.length };
}

/** addSymlinks: relative symlinks to plain files beside them, in random layers (stat follows them). */
function addSymlinks(random: Random, files: File[], opaque: Map<number, number>, builders: LayerBuilder[]): string[] {
  const targets = files.filter((f) => f.fate === 'plain' && !opaque.has(f.dir));
  const count = Math.min(targets.length, Math.round(files.length * SYMLINK_SHARE));
  const paths: string[] = [];
  random.shuffled(targets).slice(0, count).forEach((file, k) => {
    const slash = file.path.lastIndexOf('/');
    const path = `${file.path.slice(0, slash)}/s${k}`;
    builders[random.int(builders.length)].addSymlink(path, file.path.slice(slash + 1));
    paths.push(path);
  });
  return paths;
}
