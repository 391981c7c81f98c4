// An efficiency report in the manner of dive (wagoodman/dive, filetree/efficiency.go and
// image/docker analysis), for any Image. dive reads each layer's tar headers into a tree and
// visits the *leaves* of each layer (entries with no children in that layer):
//   - a path met in two or more layers is an "inefficiency": its bytes are stored more than once;
//   - a whiteout `.wh.NAME` counts at NAME with the size of everything NAME held below it (dive
//     sums the lower stacked tree, but only when NAME was a directory; a deleted file counts 0
//     at the whiteout, and its earlier copy makes the path an inefficiency).
// For every path: cumulative = sum of the sizes met, minimum = the smallest size met. Then
//   score       = Σ minimum(path) / Σ cumulative(path)      (1 when nothing was met)
//   wastedBytes = Σ cumulative(path) over the paths met two or more times
//   userSize    = Σ size of every layer but the first;   wastedUserPercent = wastedBytes / userSize
// Sizes are the tar headers' sizes, as dive's (hard links and symlinks count 0); layer sizes are
// Docker's. Where dive fails (a whiteout of a path no lower layer has stops dive's walk of that
// layer) this counts the whiteout as 0 bytes and goes on. Opaque markers are skipped, as dive does.
import type { Image } from '../image/image';
import { readTar } from '../layer/tar/read';
import type { Layer } from '../layer/layer';

/**
 * Inefficiency: one path stored in several layers (or stored, then deleted).
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo 1 > /a\nRUN echo 22 > /a\n'); // /a is stored twice
 * const [i]: Inefficiency[] = efficiencyReport(image).inefficiencies;
 * i // → { path: '/a', count: 2, bytes: 5 }
 */
export interface Inefficiency {
  path: string;
  /** count: how many layers hold (or delete) the path. */
  count: number;
  /** bytes: the sum of its sizes over those layers (dive's CumulativeSize). */
  bytes: number;
}

/**
 * EfficiencyReport: dive's numbers for an image.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hello > /big.txt\nRUN rm /big.txt\n');
 * const report: EfficiencyReport = efficiencyReport(image);
 * [report.wastedBytes, report.inefficiencies[0].path] // → [ 6, '/big.txt' ]
 */
export interface EfficiencyReport {
  score: number;
  sizeBytes: number;
  userSizeBytes: number;
  wastedBytes: number;
  wastedUserPercent: number;
  /** inefficiencies: biggest first (dive's list, read from the bottom). */
  inefficiencies: Inefficiency[];
}

interface Node { size: number; isDir: boolean; whiteout: boolean }
interface PathData { count: number; cumulative: number; minimum: number }

/**
 * efficiencyReport computes dive's efficiency score and wasted bytes for an image.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hello > /big.txt\nRUN rm /big.txt\n');
 * efficiencyReport(image).inefficiencies // → [ { path: '/big.txt', count: 2, bytes: 6 } ]
 */
export function efficiencyReport(image: Image): EfficiencyReport {
  const paths = new Map<string, PathData>();
  const stacked = new Map<string, Node>();
  for (const layer of image.layers) {
    const tree = layerTree(layer);
    for (const [path, node] of leaves(tree)) visit(paths, effectivePath(path), node.whiteout ? whiteoutSize(stacked, effectivePath(path)) : node.size);
    stack(stacked, tree);
  }
  return summarize(image.layers, paths);
}

/** layerTree: path → node for every entry of a layer's tar, with implied parent directories. */
function layerTree(layer: Layer): Map<string, Node> {
  const tree = new Map<string, Node>();
  for (const entry of readTar(layer.tar).entries) {
    const parts = entry.name.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.some((p) => p.startsWith('.wh..wh.'))) continue;
    for (let i = 1; i < parts.length; i++) {
      const parent = '/' + parts.slice(0, i).join('/');
      if (!tree.has(parent)) tree.set(parent, { size: 0, isDir: true, whiteout: false });
    }
    const base = parts[parts.length - 1];
    tree.set('/' + parts.join('/'), { size: entry.size, isDir: entry.type === 'dir', whiteout: base.startsWith('.wh.') });
  }
  return tree;
}

function leaves(tree: Map<string, Node>): [string, Node][] {
  const parents = new Set<string>();
  for (const path of tree.keys()) parents.add(path.slice(0, path.lastIndexOf('/')) || '/');
  return [...tree].filter(([path]) => !parents.has(path));
}

/** effectivePath: dive names a whiteout's node by the path it deletes. */
function effectivePath(path: string): string {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  return base.startsWith('.wh.') ? path.slice(0, slash + 1) + base.slice(4) : path;
}

function whiteoutSize(stacked: Map<string, Node>, path: string): number {
  if (!stacked.get(path)?.isDir) return 0;
  let total = 0;
  for (const [p, node] of stacked) if (p === path || p.startsWith(path + '/')) total += node.size;
  return total;
}

function visit(paths: Map<string, PathData>, path: string, size: number): void {
  const data = paths.get(path) ?? { count: 0, cumulative: 0, minimum: size };
  data.count++;
  data.cumulative += size;
  data.minimum = Math.min(data.minimum, size);
  paths.set(path, data);
}

/** stack: dive's StackTreeRange step — whiteouts remove a subtree, other entries overwrite. */
function stack(stacked: Map<string, Node>, tree: Map<string, Node>): void {
  for (const [path, node] of tree) {
    if (!node.whiteout) { stacked.set(path, node); continue; }
    const gone = effectivePath(path);
    for (const p of [...stacked.keys()]) if (p === gone || p.startsWith(gone + '/')) stacked.delete(p);
  }
}

function summarize(layers: readonly Layer[], paths: Map<string, PathData>): EfficiencyReport {
  let minimum = 0;
  let discovered = 0;
  const inefficiencies: Inefficiency[] = [];
  for (const [path, data] of paths) {
    minimum += data.minimum;
    discovered += data.cumulative;
    if (data.count >= 2) inefficiencies.push({ path, count: data.count, bytes: data.cumulative });
  }
  inefficiencies.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const sizeBytes = layers.reduce((sum, l) => sum + l.size, 0);
  const userSizeBytes = sizeBytes - (layers[0]?.size ?? 0);
  const wastedBytes = inefficiencies.reduce((sum, i) => sum + i.bytes, 0);
  return {
    score: discovered === 0 ? 1 : minimum / discovered,
    sizeBytes, userSizeBytes, wastedBytes,
    wastedUserPercent: userSizeBytes === 0 ? 0 : wastedBytes / userSizeBytes,
    inefficiencies,
  };
}
