// The layer-stack diagram as a picture: a grid with the layers as columns (upper on the left,
// as `lowerdir=` lists them top first) and the paths as rows. Each cell shows its symbol and word
// (colour only repeats what the words say), so the picture reads the same in greyscale.
import { escapeHtml, svgImageTag } from './diagram-html';
import { LayerCell, SEEN_TITLE, StackView, cellLabel, layerTitle, seenLabel } from './diagram';

const ROW = 22;
const PATH_WIDTH = 220;
const CELL_WIDTH = 170;
const SEEN_WIDTH = 260;
const FILL: Record<string, string> = { answers: '#dff0d8', merged: '#eef6ea', hidden: '#f2f2f2', deletes: '#f8d7da', absent: '#ffffff' };

const text = (x: number, y: number, value: string, cls = ''): string =>
  `<text x="${x}" y="${y}"${cls ? ` class="${cls}"` : ''}>${escapeHtml(value)}</text>`;

function cellSvg(cell: LayerCell | null, x: number, y: number): string {
  const fill = FILL[cell ? cell.role : 'absent'];
  const stroke = cell?.copiedUp ? ' stroke-width="2.5"' : '';
  return `<rect x="${x}" y="${y}" width="${CELL_WIDTH}" height="${ROW}" fill="${fill}" stroke="#555"${stroke}/>`
    + text(x + 6, y + 15, cellLabel(cell));
}

/**
 * renderStackSvg draws a StackView as a standalone SVG document (monospace text in a grid).
 * @example
 * const svg = renderStackSvg(view); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function renderStackSvg(view: StackView): string {
  const width = PATH_WIDTH + CELL_WIDTH * view.layers.length + SEEN_WIDTH;
  const height = ROW * (view.rows.length + 1) + 4;
  const parts: string[] = [text(4, 15, 'path', 'head')];
  view.layers.forEach((layer, i) => parts.push(text(PATH_WIDTH + i * CELL_WIDTH + 6, 15, layerTitle(layer), 'head')));
  parts.push(text(PATH_WIDTH + view.layers.length * CELL_WIDTH + 6, 15, SEEN_TITLE, 'head'));
  view.rows.forEach((row, r) => {
    const y = ROW * (r + 1);
    const isDir = row.cells.some((c) => c !== null && c.kind === 'dir');
    parts.push(text(4 + 12 * row.depth, y + 15, row.name + (isDir ? '/' : ''), row.visible ? 'path' : 'path gone'));
    row.cells.forEach((cell, i) => parts.push(cellSvg(cell, PATH_WIDTH + i * CELL_WIDTH, y)));
    parts.push(text(PATH_WIDTH + view.layers.length * CELL_WIDTH + 6, y + 15, seenLabel(view, row), 'seen'));
  });
  const style = '<style>text{font:12px monospace;fill:#111}.head{font-weight:bold}.gone{fill:#777}</style>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`
    + `<title>layer stack: which layer answers for each path</title>${style}${parts.join('')}</svg>`;
}

/**
 * renderStackImage: the SVG as an `<img>` with a data URI, which survives untrusted notebooks.
 * @example
 * tslab.display.html(renderStackImage(view));
 */
export function renderStackImage(view: StackView): string {
  return svgImageTag(renderStackSvg(view), 'layer stack diagram: which layer answers for each path');
}
