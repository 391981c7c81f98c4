// Pictures of real-sized images. A built or imported image has thousands of paths (the CentOS base
// alone has hundreds), so the lesson pictures of lessons 3–5, which draw every path, would fill
// pages. These helpers draw the same diagrams for an Image or a Container, limited to the paths a
// step is about (`paths`: a path and everything under it) and folded below a depth.
import type { Image } from '../image/image';
import type { Container } from '../engine/container';
import { layerHistory } from '../image/append';
import { renderStackHtml, renderStackText, type StackView } from '../render/diagram';
import { renderStackImage } from '../render/diagram-svg';
import { renderChangeHtml, renderChangeText, type ChangeNode, type LayerChanges } from '../render/change-tree';
import { Shown, show } from './display';
import type { LabLayer } from './lab';
import { NamedDir, stackView } from './stack-view';
import { layerChanges } from './changes';

/** ViewOptions: which paths to draw (each with everything under it; all when absent) and the picture's form. */
/**
 * ViewOptions: which paths a picture draws (all when none are given; a directory brings what is
 * under it) and its form, an HTML table or an SVG image.
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * const options: ViewOptions = { paths: ['/hi.txt'], form: 'table' };
 * imageStackPicture(image, ['alpine', 'hi'], options).text // → hi.txt…● file…file from hi
 */
export interface ViewOptions {
  paths?: string[];
  form?: 'table' | 'image';
}

/**
 * imageLayers: an image's layers as lesson layers, BOTTOM first, named `names[i]` (default
 * `layer1`…) and labelled with the history line that made each one.
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * imageLayers(image, ['alpine', 'hi']).map((layer) => `${layer.name}: ${layer.createdBy}`) // → 'hi: /bin/sh -c echo hi > /hi.txt'
 */
export function imageLayers(image: Image, names: string[] = []): LabLayer[] {
  const made = layerHistory(image.config).filter((h) => h.diffID !== undefined).map((h) => h.entry.created_by ?? '');
  return image.layers.map((layer, i) => ({ name: names[i] ?? `layer${i + 1}`, ...(made[i] ? { createdBy: made[i] } : {}), tree: layer.tree }));
}

/** wanted: a row is drawn when it is one of `paths`, under one, or a directory on the way to one. */
function wanted(path: string, paths: string[]): boolean {
  return paths.some((p) => path === p || path.startsWith(p + '/') || p.startsWith(path + '/'));
}

/**
 * limitView keeps the rows `wanted` by `paths` (all rows when none are given).
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n', hosts: 'x' }, srv: {} } }]);
 * limitView(stackView(stackDirs(lab)), ['/etc/motd']).rows.map((row) => row.path) // → [ '/etc', '/etc/motd' ]
 */
export function limitView(view: StackView, paths?: string[]): StackView {
  return paths && paths.length ? { layers: view.layers, rows: view.rows.filter((row) => wanted(row.path, paths)) } : view;
}

function picture(view: StackView, form: 'table' | 'image' = 'table'): Shown {
  return { html: form === 'image' ? renderStackImage(view) : renderStackHtml(view), text: renderStackText(view) };
}

/**
 * imageStackPicture: the layer-stack diagram of an image's layers (top layer on the left), limited
 * to `paths`.
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * show(imageStackPicture(image, ['alpine', 'hi'], { paths: ['/hi.txt', '/etc/alpine-release'] })); // → alpine-release…file from alpine…hi.txt…file from hi
 */
export function imageStackPicture(image: Image, names: string[] = [], { paths, form }: ViewOptions = {}): Shown {
  const dirs: NamedDir[] = imageLayers(image, names).reverse().map((l) => ({ name: l.name, dir: l.tree.root }));
  return picture(limitView(stackView(dirs), paths), form);
}

/**
 * containerDirs: a container's real directories TOP first, as its mount stacks them: its own
 * diff (the upper), the `-init` layer, then the image's layers.
 * @example
 * const container = new Docker().create('alpine:latest');
 * containerDirs(container, ['alpine']).map((dir) => dir.name) // → [ 'container', 'init', 'alpine' ]
 */
export function containerDirs(container: Container, names: string[] = []): NamedDir[] {
  const image = imageLayers(container.image, names).reverse().map((l) => ({ name: l.name, dir: l.tree.root }));
  return [{ name: 'container', dir: container.upper.root, upper: true }, { name: 'init', dir: container.init.tree.root }, ...image];
}

/**
 * containerStackPicture: the diagram of a container's root filesystem (its diff, `-init`, the
 * image's layers), limited to `paths`.
 * @example
 * const container = new Docker().create('alpine:latest');
 * container.rootfs.writeFileSync('/hello.txt', 'hi\n');
 * show(containerStackPicture(container, ['alpine'], { paths: ['/hello.txt'] })); // → hello.txt…file from container
 */
export function containerStackPicture(container: Container, names: string[] = [], { paths, form }: ViewOptions = {}): Shown {
  return picture(limitView(stackView(containerDirs(container, names)), paths), form);
}

/** FoldOptions: how much of a change tree to draw: levels below the root, names per directory. */
/**
 * FoldOptions: how far a change tree unfolds (`depth` levels) and how many names each directory lists (`perDir`).
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN mkdir -p /app/src && touch /app/src/a /app/src/b /app/src/c\n');
 * const fold: FoldOptions = { depth: 3, perDir: 2 };
 * imageChangesPicture(image, 1, ['alpine', 'app'], fold).text // → +5 added…1 more
 */
export interface FoldOptions {
  depth?: number;
  perDir?: number;
}

/**
 * foldChanges shortens a change tree for the screen: below `depth` levels a directory shows only
 * how many changes it holds, and each directory lists at most `perDir` names. Totals are kept.
 * @example
 * const layers = buildLayers([{ name: 'base', files: {} }, { name: 'app', files: { app: { src: { 'a.js': 'a', 'b.js': 'b' } } } }]);
 * const folded = foldChanges(layerChanges(stackDirs(layers), 0), { depth: 1 });
 * folded.nodes.map((node) => `${node.name}/: ${node.note}`) // → [ 'app/: 3 changes inside' ]
 */
export function foldChanges(changes: LayerChanges, { depth = 3, perDir = 8 }: FoldOptions = {}): LayerChanges {
  return { ...changes, nodes: foldNodes(changes.nodes, depth, perDir) };
}

function foldNodes(nodes: ChangeNode[], depth: number, perDir: number): ChangeNode[] {
  const kept = nodes.slice(0, perDir).map((node) => foldNode(node, depth, perDir));
  const rest = nodes.length - kept.length;
  return rest > 0 ? [...kept, { name: `… ${rest} more`, kind: 'file', change: 'unchanged' }] : kept;
}

function foldNode(node: ChangeNode, depth: number, perDir: number): ChangeNode {
  if (!node.children || node.children.length === 0) return node;
  if (depth <= 1) {
    const n = countNodes(node.children);
    return { ...node, children: undefined, note: [node.note, `${n} change${n === 1 ? '' : 's'} inside`].filter(Boolean).join('; ') };
  }
  return { ...node, children: foldNodes(node.children, depth - 1, perDir) };
}

function countNodes(nodes: ChangeNode[]): number {
  return nodes.reduce((sum, node) => sum + (node.change === 'unchanged' ? 0 : 1) + countNodes(node.children ?? []), 0);
}

/**
 * imageChangesPicture: dive's `+ ~ -` tree of what layer `index` (0 = bottom) of an image changed
 * compared with the layers below it, folded to fit a screen.
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * show(imageChangesPicture(image, 1, ['alpine', 'hi'], { depth: 2 })); // → +1 added  ~0 modified  -0 removed…hi.txt
 */
export function imageChangesPicture(image: Image, index: number, names: string[] = [], fold: FoldOptions = {}): Shown {
  const layers = imageLayers(image, names);
  const dirs: NamedDir[] = layers.slice().reverse().map((l) => ({ name: l.name, dir: l.tree.root }));
  const top = layers.length - 1 - index;
  const changes = foldChanges(layerChanges(dirs, top, layers[index]?.createdBy), fold);
  return { html: renderChangeHtml(changes), text: renderChangeText(changes) };
}

/**
 * showImageChanges displays `imageChangesPicture` (one display call).
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * showImageChanges(image, 1, ['alpine', 'hi']); // → +1 added  ~0 modified  -0 removed
 */
export function showImageChanges(image: Image, index: number, names: string[] = [], fold: FoldOptions = {}): void {
  show(imageChangesPicture(image, index, names, fold));
}

/**
 * showImageStack displays `imageStackPicture` (one display call).
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * showImageStack(image, ['alpine', 'hi'], { paths: ['/hi.txt', '/etc/alpine-release'] }); // → hi.txt…file from hi
 */
export function showImageStack(image: Image, names: string[] = [], options: ViewOptions = {}): void {
  show(imageStackPicture(image, names, options));
}

/**
 * showContainerStack displays `containerStackPicture` (one display call).
 * @example
 * const container = new Docker().create('alpine:latest');
 * container.rootfs.writeFileSync('/hello.txt', 'hi\n');
 * showContainerStack(container, ['alpine'], { paths: ['/hello.txt'] }); // → hello.txt…file from container
 */
export function showContainerStack(container: Container, names: string[] = [], options: ViewOptions = {}): void {
  show(containerStackPicture(container, names, options));
}
