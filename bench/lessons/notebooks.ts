// Which notebooks are lessons, and which of their cells is "the import cell" — the first code cell
// that imports the library, whose time is mostly tslab compiling layerlab and so is not a lesson
// cell's own cost.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * lessonNotebooks: the lesson notebooks in `dir` (`NN-name.ipynb`), sorted; translations live in
 * sub-folders (zh/) and are not listed, nor are student copies.
 * @example lessonNotebooks('notebooks')  // ['notebooks/01-layers.ipynb', …]
 */
export function lessonNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb') && !/student/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * lessonName: the notebook's file name without `.ipynb`, as used in measurement names.
 * @example lessonName('notebooks/01-layers.ipynb')  // '01-layers'
 */
export function lessonName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.ipynb$/, '');
}

/** A notebook cell as nbformat 4 stores it (only what is needed here). */
interface Cell {
  cell_type: string;
  source: string | string[];
}

/**
 * importCellIndex: the index (among all cells, as the runner's report numbers them) of the first code
 * cell with an `import` statement or a `require(`, or undefined when there is none.
 * @example importCellIndex({ cells: [{ cell_type: 'markdown', source: '# 1' }, { cell_type: 'code', source: "import { show } from './lib'" }] })  // 1
 */
export function importCellIndex(notebook: { cells: Cell[] }): number | undefined {
  const index = notebook.cells.findIndex((cell) => cell.cell_type === 'code' && /^\s*import\b|\brequire\(/m.test(sourceOf(cell)));
  return index < 0 ? undefined : index;
}

/**
 * readNotebook parses a notebook file.
 * @example importCellIndex(readNotebook('notebooks/01-layers.ipynb'))  // 1
 */
export function readNotebook(path: string): { cells: Cell[] } {
  return JSON.parse(readFileSync(path, 'utf8')) as { cells: Cell[] };
}

function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}
