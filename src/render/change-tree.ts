// What one layer changed, as `dive` shows it: the layer's tree compared with the stack below it,
// each path marked `+` added, `~` modified, `-` removed (a whiteout or an opaque directory hiding
// what was below). Plain data in, text or HTML out.
import { escapeHtml } from './diagram-html';
import type { EntryKind } from './diagram';
import { renderBytes } from './units';

/** Change: what a layer did to a path compared with the layers below it. */
export type Change = 'added' | 'modified' | 'removed' | 'unchanged';

/** ChangeNode: one path of a layer's change tree; `size` is the bytes this layer stores for it. */
export interface ChangeNode {
  name: string;
  kind: EntryKind;
  change: Change;
  size?: number;
  note?: string;
  children?: ChangeNode[];
}

/**
 * LayerChanges: a layer's change tree and its totals. `bytes` is what the layer itself stores —
 * a whiteout stores nothing, which is why deleting never makes an image smaller.
 * @example
 * const changes: LayerChanges = { layer: 'l1', nodes: [], added: 0, modified: 0, removed: 0, bytes: 0 };
 */
export interface LayerChanges {
  layer: string;
  createdBy?: string;
  nodes: ChangeNode[];
  added: number;
  modified: number;
  removed: number;
  bytes: number;
}

/** CHANGE_SYMBOL: dive's marks, `+` `~` `-`, and a space for a directory that only holds changes. */
export const CHANGE_SYMBOL: Record<Change, string> = { added: '+', modified: '~', removed: '-', unchanged: ' ' };

interface Line { change: Change; text: string; size: string }

function lines(nodes: ChangeNode[], indent: string, out: Line[]): Line[] {
  nodes.forEach((node, i) => {
    const last = i === nodes.length - 1;
    const name = node.name + (node.kind === 'dir' ? '/' : '');
    const note = node.note ? `  (${node.note})` : '';
    const size = node.kind === 'file' && node.size !== undefined && node.change !== 'removed' ? renderBytes(node.size) : '';
    out.push({ change: node.change, text: `${indent}${last ? '└── ' : '├── '}${name}${note}`, size });
    lines(node.children ?? [], indent + (last ? '    ' : '│   '), out);
  });
  return out;
}

/**
 * changeSummary: the totals line, e.g. `+2 added  ~1 modified  -1 removed  layer stores 1.2kB`.
 * @example
 * changeSummary(changes);
 */
export function changeSummary(changes: LayerChanges): string {
  return `+${changes.added} added  ~${changes.modified} modified  -${changes.removed} removed  layer stores ${renderBytes(changes.bytes)}`;
}

const title = (changes: LayerChanges): string => `layer ${changes.layer}${changes.createdBy ? ` — ${changes.createdBy}` : ''}`;

/**
 * renderChangeText prints a layer's change tree: the title, the totals, then one line per path
 * with its mark in the first column and the size the layer stores for it on the right.
 * @example
 * console.log(renderChangeText(changes));
 * // layer vim — RUN yum install -y vim
 * // +1 added  ~0 modified  -0 removed  layer stores 5B
 * // + └── vimrc   5B
 */
export function renderChangeText(changes: LayerChanges): string {
  const body = lines(changes.nodes, '', []);
  const width = Math.max(0, ...body.map((line) => line.text.length));
  const rows = body.map((line) => `${CHANGE_SYMBOL[line.change]} ${line.text.padEnd(width)}  ${line.size}`.trimEnd());
  return [title(changes), changeSummary(changes), ...(rows.length ? rows : ['  (no changes)'])].join('\n');
}

/**
 * renderChangeHtml: the same tree as a `<pre>` whose lines carry `ll-added`, `ll-modified`,
 * `ll-removed` classes; the marks are kept, so it reads the same without colour. Names are escaped.
 * @example
 * tslab.display.html(renderChangeHtml(changes));
 */
export function renderChangeHtml(changes: LayerChanges): string {
  const body = lines(changes.nodes, '', []);
  const width = Math.max(0, ...body.map((line) => line.text.length));
  const rows = body.map((line) => `<span class="ll-${line.change}">${escapeHtml(`${CHANGE_SYMBOL[line.change]} ${line.text.padEnd(width)}  ${line.size}`.trimEnd())}</span>`);
  const style = '<style>.ll-changes .ll-added{color:#1a7f37}.ll-changes .ll-removed{color:#b42318}.ll-changes .ll-modified{color:#9a6700}</style>';
  return `${style}<div class="ll-changes"><b>${escapeHtml(title(changes))}</b><br><code>${escapeHtml(changeSummary(changes))}</code>`
    + `<pre>${rows.length ? rows.join('\n') : '  (no changes)'}</pre></div>`;
}
