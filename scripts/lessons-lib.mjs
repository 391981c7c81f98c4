// Lesson sources -> notebooks. A lesson is written once as markdown with code fences
// (notebooks/src/NN-name.md); its Chinese edition (notebooks/src/zh/NN-name.md) has the translated
// prose and, in place of each code cell, a marker `<!-- code: ID -->`. The build takes every code
// cell from the English source, so both editions have the same code cells in the same order by
// construction — and it refuses a zh source whose markers do not name exactly those cells.
//
// A code fence's info string carries the cell's id and role:
//   ```ts id=mount-layers                 an ordinary step (must print something)
//   ```ts id=ex1-task task                 the cell that declares an exercise
//   ```ts id=ex1-answer answer             the student's cell; holds // BEGIN SOLUTION … // END SOLUTION
//   ```ts id=ex1-check check               the cell that prints PASS / FAIL
//   ```ts id=quiet silent                  a cell allowed to print nothing
// Markdown between fences becomes one markdown cell; a line `<!-- cell -->` starts another.
import { readFileSync } from 'node:fs';

const FENCE = /^```ts\s+(.*)$/;
const ZH_CODE = /^<!--\s*code:\s*([\w-]+)\s*-->\s*$/;
const SPLIT = /^<!--\s*cell\s*-->\s*$/;
export const BEGIN = '// BEGIN SOLUTION';
export const END = '// END SOLUTION';

function parseInfo(info, where) {
  const words = info.trim().split(/\s+/);
  const idWord = words.find((w) => w.startsWith('id='));
  if (!idWord) throw new Error(`${where}: a code fence needs id=…`);
  const id = idWord.slice(3);
  if (!/^[a-zA-Z0-9-_]{1,64}$/.test(id)) throw new Error(`${where}: bad cell id ${id}`);
  const roles = words.filter((w) => ['task', 'answer', 'check', 'silent'].includes(w));
  return { id, role: roles.find((r) => r !== 'silent') ?? 'step', silent: roles.includes('silent') };
}

/** parseSource: the cells of a lesson source, [{type:'markdown', source} | {type:'code', id, role, silent, source}]. */
export function parseSource(text, file, codeById) {
  const cells = [];
  let prose = [];
  const flush = () => {
    const source = prose.join('\n').trim();
    if (source) cells.push({ type: 'markdown', source });
    prose = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = lines[i].match(FENCE);
    const marker = codeById && lines[i].match(ZH_CODE);
    if (SPLIT.test(lines[i])) { flush(); continue; }
    if (marker) {
      flush();
      const cell = codeById.get(marker[1]);
      if (!cell) throw new Error(`${file}:${i + 1}: no code cell ${marker[1]} in the English source`);
      cells.push(cell);
      continue;
    }
    if (!fence) { prose.push(lines[i]); continue; }
    if (codeById) throw new Error(`${file}:${i + 1}: the zh edition takes its code from the English source; write <!-- code: ID --> instead`);
    flush();
    const info = parseInfo(fence[1], `${file}:${i + 1}`);
    const body = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`${file}: code cell ${info.id} is not closed`);
    cells.push({ type: 'code', ...info, source: body.join('\n') });
  }
  flush();
  return cells;
}

function checkCells(cells, file) {
  const ids = new Set();
  for (const cell of cells.filter((c) => c.type === 'code')) {
    if (ids.has(cell.id)) throw new Error(`${file}: cell id ${cell.id} is used twice`);
    ids.add(cell.id);
    const hasSolution = cell.source.includes(BEGIN) && cell.source.includes(END);
    if ((cell.role === 'answer') !== hasSolution) throw new Error(`${file}: cell ${cell.id}: answer cells, and only they, hold ${BEGIN} … ${END}`);
  }
}

const gradeId = (cell) => cell.id;

function nbgrader(cell) {
  const base = { grade_id: gradeId(cell), schema_version: 3 };
  if (cell.role === 'answer') return { ...base, grade: false, solution: true, locked: false };
  if (cell.role === 'check') return { ...base, grade: true, solution: false, locked: true, points: 1 };
  if (cell.role === 'task') return { ...base, grade: false, solution: false, locked: true };
  return undefined;
}

function toNotebookCell(cell, index) {
  if (cell.type === 'markdown') return { cell_type: 'markdown', id: `md-${index}`, metadata: {}, source: cell.source };
  const metadata = {};
  const grading = nbgrader(cell);
  if (grading) metadata.nbgrader = grading;
  // An answer cell prints nothing once the solution is stripped; the runner must accept that.
  if (cell.silent || cell.role === 'answer') metadata.layerlab = { expect_output: false };
  return { cell_type: 'code', id: cell.id, metadata, execution_count: null, outputs: [], source: cell.source };
}

/** notebookOf: nbformat 4.5 JSON for a list of cells, kernel tslab, no outputs. */
export function notebookOf(cells, language) {
  const notebook = {
    cells: cells.map(toNotebookCell),
    metadata: {
      kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
      layerlab: { language, generated_from: 'notebooks/src (npm run lessons:build)' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(notebook, null, 1) + '\n';
}

/** buildLesson: both editions of one lesson as notebook JSON strings. */
export function buildLesson(enFile, zhFile) {
  const en = parseSource(readFileSync(enFile, 'utf8'), enFile);
  checkCells(en, enFile);
  const codeById = new Map(en.filter((c) => c.type === 'code').map((c) => [c.id, c]));
  const zh = parseSource(readFileSync(zhFile, 'utf8'), zhFile, codeById);
  const order = (cells) => cells.filter((c) => c.type === 'code').map((c) => c.id).join(' ');
  if (order(en) !== order(zh)) throw new Error(`${zhFile}: code cells must be those of ${enFile} in the same order:\n  en: ${order(en)}\n  zh: ${order(zh)}`);
  return { en: notebookOf(en, 'en'), zh: notebookOf(zh, 'zh') };
}

/** stripSolutions: a student's notebook: every BEGIN/END SOLUTION block replaced by a prompt. */
export function stripSolutions(notebookJson) {
  const notebook = JSON.parse(notebookJson);
  const pattern = /^([ \t]*)\/\/ BEGIN SOLUTION\n[\s\S]*?^[ \t]*\/\/ END SOLUTION[ \t]*$/gm;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'code') continue;
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    cell.source = source.replace(pattern, (_, indent) => `${indent}// YOUR CODE HERE`);
    cell.outputs = [];
    cell.execution_count = null;
  }
  return JSON.stringify(notebook, null, 1) + '\n';
}
