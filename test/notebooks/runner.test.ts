// Tests of scripts/run-notebook.py itself, on small notebooks written to a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haveJupyter } from './jupyter';
import { writeNotebook } from './notebook-file';
import { runNotebook } from './runner';

describe.skipIf(!haveJupyter('the notebook runner tests'))('scripts/run-notebook.py', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-nb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a notebook whose cells all print, and reports every code cell', () => {
    const path = writeNotebook(dir, 'good.ipynb', [
      'console.log("hello from tslab")',
      { source: '6 * 7', layerlab: { expect: '^42$' } },
      { source: 'const quiet = 1;', layerlab: { expect_output: false } },
    ]);
    const { exitCode, report } = runNotebook(path);
    expect(exitCode).toBe(0);
    expect(report.ok).toBe(true);
    // Index 0 is the markdown title, so code cells sit at 1..3.
    expect(report.cells.map((c) => [c.index, c.id, c.ok])).toEqual([
      [1, 'cell-0', true], [2, 'cell-1', true], [3, 'cell-2', true],
    ]);
    expect(report.cells[0].output_types).toEqual(['stream']);
    expect(report.cells[2].output_types).toEqual([]);
    expect(report.cells.every((c) => c.seconds >= 0 && c.seconds < 60)).toBe(true);
  });

  it('stops at the first error and names the failing cell and its message', () => {
    const path = writeNotebook(dir, 'error.ipynb', [
      'console.log("before")',
      'throw new Error("boom in the middle")',
      'console.log("after")',
    ]);
    const { exitCode, report, stderr } = runNotebook(path);
    expect(exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.cells.map((c) => c.ok)).toEqual([true, false, null]);
    expect(report.cells[1].reason).toContain('boom in the middle');
    expect(report.cells[2].reason).toMatch(/not run/);
    expect(stderr).toMatch(/cell 2 \(id cell-1\) failed/);
  });

  it('fails a TypeScript compile error, which tslab reports only on stderr', () => {
    const path = writeNotebook(dir, 'type-error.ipynb', ['const n: number = "not a number"; n']);
    const { report } = runNotebook(path);
    expect(report.cells[0].ok).toBe(false);
    expect(report.cells[0].reason).toMatch(/not assignable to type 'number'/);
  });

  it('fails a cell that prints nothing unless its metadata allows it', () => {
    const path = writeNotebook(dir, 'silent.ipynb', ['console.log("one")', 'let silent = 2;', 'console.log("three")']);
    const { exitCode, report } = runNotebook(path);
    expect(exitCode).toBe(1);
    expect(report.cells.map((c) => c.ok)).toEqual([true, false, null]);
    expect(report.cells[1].reason).toMatch(/produced no output/);
  });

  it('fails on stderr output and on an expect pattern that does not match', () => {
    const path = writeNotebook(dir, 'stderr.ipynb', ['console.error("a warning")']);
    expect(runNotebook(path).report.cells[0].reason).toMatch(/wrote to stderr: a warning/);
    const mismatch = writeNotebook(dir, 'mismatch.ipynb', [{ source: 'console.log("hello")', layerlab: { expect: 'goodbye' } }]);
    expect(runNotebook(mismatch).report.cells[0].reason).toMatch(/expected pattern \/goodbye\//);
  });

  it('exits 2 with a readable error when the kernel does not exist', () => {
    const path = writeNotebook(dir, 'any.ipynb', ['1']);
    const { exitCode, report } = runNotebook(path, { kernel: 'no-such-kernel' });
    expect(exitCode).toBe(2);
    expect(report.error).toMatch(/No such kernel/);
  });
});
