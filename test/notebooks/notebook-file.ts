// Writes small notebooks for tests, in nbformat 4.5 (the version that gives every cell an id).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** CellSpec is a code cell's source, optionally with the runner's `layerlab` metadata. */
export type CellSpec = string | { source: string; layerlab: { expect?: string; expect_output?: boolean } };

function codeCell(spec: CellSpec, index: number) {
  const { source, layerlab } = typeof spec === 'string' ? { source: spec, layerlab: undefined } : spec;
  return {
    cell_type: 'code',
    id: `cell-${index}`,
    metadata: layerlab ? { layerlab } : {},
    source,
    outputs: [],
    execution_count: null,
  };
}

/**
 * writeNotebook writes `name` into `dir` as a TypeScript (tslab) notebook and returns its path.
 * A markdown title comes first so cell indexes in reports differ from code-cell positions.
 * @example
 * const path = writeNotebook(tmp, 'hello.ipynb', ['console.log("hi")']);
 */
export function writeNotebook(dir: string, name: string, cells: CellSpec[]): string {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    cells: [{ cell_type: 'markdown', id: 'title', metadata: {}, source: `# ${name}` }, ...cells.map(codeCell)],
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(notebook, null, 1));
  return path;
}
