// The layer-stack diagram: for every path of a stack of layers, what each layer holds there and
// which layer answers when you look the path up through the mount (overlayfs.md 1.2). Plain data
// in, text or an HTML table out; the SVG form is in diagram-svg.ts. Meaning is carried by symbols
// and words, never by colour alone.
import { escapeHtml } from './diagram-html';

/** EntryKind: what one layer holds at a path (a whiteout is the kernel's char 0:0). */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'whiteout' | 'device' | 'fifo';

/**
 * CellRole: the part a layer's entry plays in the merged view — `answers` (you see this one),
 * `merged` (a lower directory that adds its names), `hidden` (shadowed from above), `deletes`
 * (a whiteout that hides the name in the layers below).
 */
export type CellRole = 'answers' | 'merged' | 'hidden' | 'deletes';

/** LayerCell: one layer's entry at one path. */
export interface LayerCell {
  kind: EntryKind;
  role: CellRole;
  opaque?: boolean;
  copiedUp?: boolean;
  redirect?: string;
  size?: number;
}

/** StackRow: one path; `cells` follow `StackView.layers`; `from` is the answering layer's index. */
export interface StackRow {
  path: string;
  name: string;
  depth: number;
  cells: (LayerCell | null)[];
  from: number | null;
  visible: boolean;
  why?: string;
}

/** StackLayer: a column of the diagram; `upper` marks the writable UpperDir. */
export interface StackLayer {
  name: string;
  upper?: boolean;
}

/**
 * StackView: the whole diagram as plain data, layers TOP FIRST (the upper, then lowerdir= order).
 * @example
 * const view: StackView = { layers: [{ name: 'upper', upper: true }, { name: 'base' }], rows: [] };
 */
export interface StackView {
  layers: StackLayer[];
  rows: StackRow[];
}

const KIND_SYMBOL: Record<EntryKind, string> = { file: '●', dir: '▣', symlink: '↪', whiteout: '✕', device: '◆', fifo: '◇' };

/**
 * cellLabel: a cell in words with its symbol, e.g. `● file ⇡copied-up` or `○ hidden dir`.
 * @example
 * cellLabel({ kind: 'whiteout', role: 'deletes' }); // '✕ whiteout'
 */
export function cellLabel(cell: LayerCell | null): string {
  if (!cell) return '·';
  const kind = cell.opaque ? 'opaque dir' : cell.kind;
  const base = cell.role === 'hidden' ? `○ hidden ${kind}` : cell.role === 'merged' ? `▢ merged ${kind}` : `${KIND_SYMBOL[cell.kind]} ${kind}`;
  const marks = [cell.copiedUp ? '⇡copied-up' : '', cell.redirect !== undefined ? `↷redirect=${cell.redirect}` : ''];
  return [base, ...marks].filter((part) => part !== '').join(' ');
}

/**
 * seenLabel: the last column, what `ls` through the mount shows for the row.
 * @example
 * seenLabel(view, view.rows[0]); // 'file from centos'
 */
export function seenLabel(view: StackView, row: StackRow): string {
  if (!row.visible || row.from === null) return `nothing${row.why ? ` (${row.why})` : ''}`;
  const cell = row.cells[row.from]!;
  const merged = row.cells.filter((c) => c && c.role === 'merged').length;
  const from = `${cell.kind} from ${view.layers[row.from].name}`;
  return merged > 0 ? `${from}, merged with ${merged} below` : from;
}

/**
 * layerTitle: a column's heading; the upper says it is the UpperDir unless its name already does.
 * @example
 * layerTitle({ name: 'diff', upper: true }); // 'diff (UpperDir)'
 */
export function layerTitle(layer: StackLayer): string {
  return layer.upper && !/upper/i.test(layer.name) ? `${layer.name} (UpperDir)` : layer.name;
}

const shownPath = (row: StackRow): string => '  '.repeat(row.depth) + row.name + (rowIsDir(row) ? '/' : '');
const rowIsDir = (row: StackRow): boolean => row.cells.some((c) => c !== null && c.kind === 'dir');

/**
 * renderStackText draws the diagram as aligned text: one line per path, one column per layer
 * (top first), then what you see through the mount, and a legend.
 * @example
 * console.log(renderStackText(view));
 */
export function renderStackText(view: StackView): string {
  const header = ['path', ...view.layers.map(layerTitle), SEEN_TITLE];
  const body = view.rows.map((row) => [shownPath(row), ...row.cells.map(cellLabel), seenLabel(view, row)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i].length)));
  const format = (line: string[]): string => line.map((part, i) => part.padEnd(widths[i])).join('  ').trimEnd();
  return [format(header), ...body.map(format), '', LEGEND].join('\n');
}

/** SEEN_TITLE heads the last column in every form (text, HTML, SVG): what the merged view shows. */
export const SEEN_TITLE = 'you see';

/** LEGEND: the symbols, in words. */
export const LEGEND = '● file  ▣ dir  ↪ symlink  ✕ whiteout  ▢ merged (adds names)  ○ hidden  ⇡ copied up  ↷ redirect  · absent';

/**
 * renderStackHtml draws the diagram as an HTML table with classes (`ll-answers`, `ll-hidden`,
 * `ll-deletes`, `ll-copied-up`, …) and the same symbols and words as the text form. Names are escaped.
 * @example
 * tslab.display.html(renderStackHtml(view));
 */
export function renderStackHtml(view: StackView): string {
  const head = ['path', ...view.layers.map(layerTitle), SEEN_TITLE]
    .map((text) => `<th>${escapeHtml(text)}</th>`).join('');
  const rows = view.rows.map((row) => rowHtml(view, row)).join('\n');
  return `${STYLE}<table class="ll-stack"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`
    + `<p class="ll-legend">${escapeHtml(LEGEND)}</p>`;
}

function rowHtml(view: StackView, row: StackRow): string {
  const cells = row.cells.map((cell) => `<td class="${cellClasses(cell)}">${escapeHtml(cellLabel(cell))}</td>`).join('');
  // Indent with no-break spaces: HTML collapses ordinary ones, and inline styles do not survive an untrusted notebook.
  const path = `<td class="ll-path">${'\u00a0\u00a0'.repeat(row.depth)}${escapeHtml(shownPath(row).trim())}</td>`;
  const seen = `<td class="ll-seen">${escapeHtml(seenLabel(view, row))}</td>`;
  return `<tr class="${row.visible ? 'll-visible' : 'll-invisible'}">${path}${cells}${seen}</tr>`;
}

function cellClasses(cell: LayerCell | null): string {
  if (!cell) return 'll-absent';
  const classes = [`ll-${cell.role}`, `ll-${cell.kind}`];
  if (cell.opaque) classes.push('ll-opaque');
  if (cell.copiedUp) classes.push('ll-copied-up');
  if (cell.redirect !== undefined) classes.push('ll-redirect');
  return classes.join(' ');
}

// Scoped by the ll- prefix; an untrusted notebook drops it, and the symbols still say everything.
const STYLE = '<style>.ll-stack td,.ll-stack th{font-family:monospace;text-align:left;padding:2px 8px}'
  + '.ll-answers{background:#dff0d8}.ll-merged{background:#eef6ea}.ll-hidden{color:#888;text-decoration:line-through}'
  + '.ll-deletes{background:#f8d7da}.ll-copied-up{font-weight:bold}.ll-invisible .ll-path{color:#888}</style>';
