// The lesson-facing pictures: each one call, one display, built from the pure renderers in
// src/render from data computed here.
import type { Inode } from '../overlay/tree';
import { renderStackHtml, renderStackText } from '../render/diagram';
import { renderStackImage } from '../render/diagram-svg';
import { renderChangeHtml, renderChangeText } from '../render/change-tree';
import { renderBytes } from '../render/units';
import { escapeHtml } from '../render/diagram-html';
import { Shown, show } from './display';
import { LabLayer, LabMount, stackDirs } from './lab';
import { stackView } from './stack-view';
import { layerChanges } from './changes';
import { dirListing } from './listing';

/**
 * stackPicture: the layer-stack diagram of a mount (upper on the left) or of bare layers, as an
 * HTML table (`form: 'table'`) or an SVG image (`form: 'image'`), with the text form alongside.
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.writeFileSync('/etc/motd', 'hello\n');
 * stackPicture(lab).text // → motd…● file ⇡copied-up…○ hidden file…file from upper
 */
export function stackPicture(source: LabMount | LabLayer[], form: 'table' | 'image' = 'table'): Shown {
  const view = stackView(stackDirs(source));
  return { html: form === 'image' ? renderStackImage(view) : renderStackHtml(view), text: renderStackText(view) };
}

/**
 * showStack displays `stackPicture` (one display call).
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.writeFileSync('/etc/motd', 'hello\n');
 * showStack(lab); // a table: motd is a file in upper (copied up), the one in base is hidden
 * // → motd…hidden file…file from upper
 */
export function showStack(source: LabMount | LabLayer[], form: 'table' | 'image' = 'table'): void {
  show(stackPicture(source, form));
}

/**
 * changesPicture: what the layer called `name` changed compared with the layers below it (dive's
 * `+ ~ -` tree). Layers are given bottom first, as buildLayers returns them.
 * @example
 * changesPicture(buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'edit', createdBy: 'RUN echo hello > /etc/motd', files: { etc: { motd: 'hello\n' } } }]), 'edit').text
 * // → +0 added  ~1 modified  -0 removed…motd  6B
 */
export function changesPicture(layers: LabLayer[], name: string): Shown {
  const dirs = stackDirs(layers);
  const index = dirs.findIndex((d) => d.name === name);
  if (index < 0) return { html: `<p>${escapeHtml(`no layer named ${name}`)}</p>`, text: `no layer named ${name}` };
  const changes = layerChanges(dirs, index, layers.find((l) => l.name === name)?.createdBy);
  return { html: renderChangeHtml(changes), text: renderChangeText(changes) };
}

/**
 * showChanges displays `changesPicture` (one display call).
 * @example
 * const layers = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } },
 *   { name: 'edit', createdBy: 'RUN echo hello > /etc/motd', files: { etc: { motd: 'hello\n' } } }]);
 * showChanges(layers, 'edit'); // → +0 added  ~1 modified  -0 removed
 */
export function showChanges(layers: LabLayer[], name: string): void {
  show(changesPicture(layers, name));
}

/**
 * showDir displays a real directory's listing with its xattrs (see listDir).
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * lab.m.unlinkSync('/etc/motd');
 * showDir(lab.upper.root, 'upper'); // → upper/etc/motd…char 0:0 = whiteout
 */
export function showDir(dir: Inode, label: string): void {
  show(dirListing(dir, label));
}

/**
 * treeBytes: the bytes of regular files stored in a real tree (what a layer's tar carries, minus headers).
 * @example
 * const [base] = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n', hosts: '127.0.0.1 localhost\n' } } }]);
 * treeBytes(base.tree.root) // → 23
 */
export function treeBytes(dir: Inode): number {
  let total = 0;
  for (const child of dir.entries?.values() ?? []) total += child.type === 'dir' ? treeBytes(child) : child.type === 'file' ? child.size : 0;
  return total;
}

/**
 * sizesText: each layer's stored bytes, bottom first, and their sum — the image's size.
 * @example
 * sizesText(buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'edit', createdBy: 'RUN echo hello > /etc/motd', files: { etc: { motd: 'hello\n' } } }]))
 * // → base     3B…edit     6B  RUN echo hello > /etc/motd…= image  9B  sum of all layers
 */
export function sizesText(layers: LabLayer[]): string {
  const rows = layers.map((l) => [l.name, renderBytes(treeBytes(l.tree.root)), l.createdBy ?? '']);
  rows.push(['= image', renderBytes(layers.reduce((sum, l) => sum + treeBytes(l.tree.root), 0)), 'sum of all layers']);
  const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`.trimEnd()).join('\n');
}

/**
 * showSizes displays `sizesText` (one display call).
 * @example
 * showSizes(buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'app', files: { 'app.js': 'run()' } }]));
 * // → = image  8B  sum of all layers
 */
export function showSizes(layers: LabLayer[]): void {
  show(sizesText(layers));
}
