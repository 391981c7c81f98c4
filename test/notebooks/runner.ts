// Runs scripts/run-notebook.py from tests and returns its JSON report as plain data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jupyterSetup, repoRoot } from './jupyter';

/** CellReport is the runner's verdict on one code cell; `ok` is null for cells not run. */
export interface CellReport {
  index: number;
  id: string | null;
  ok: boolean | null;
  reason: string | null;
  seconds: number;
  output_types: string[];
}

/** NotebookReport is the whole JSON report of scripts/run-notebook.py. */
export interface NotebookReport {
  notebook: string;
  kernel: string;
  ok: boolean;
  seconds: number;
  kernel_seconds: number | null;
  error: string | null;
  cells: CellReport[];
}

/** NotebookRun is the runner's exit code (0 pass, 1 a cell failed, 2 could not run), report and stderr. */
export interface NotebookRun {
  exitCode: number | null;
  report: NotebookReport;
  stderr: string;
}

/**
 * runNotebook executes a notebook with the project's tslab kernel through scripts/run-notebook.py.
 * Call it only when `haveJupyter()` is true.
 * @example
 * const { report } = runNotebook('notebooks/01-layers.ipynb');
 * expect(report.cells.filter((c) => !c.ok)).toEqual([]);
 */
export function runNotebook(path: string, { timeoutSeconds = 120, kernel = 'tslab' } = {}): NotebookRun {
  const setup = jupyterSetup();
  if (!setup.ok) throw new Error(`cannot run ${path}: ${setup.reason}`);
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-run-'));
  try {
    const reportPath = join(dir, 'report.json');
    const args = [resolve(repoRoot, 'scripts/run-notebook.py'), path, '--report', reportPath,
      '--timeout', String(timeoutSeconds), '--kernel', kernel];
    const result = spawnSync(setup.python, args, { encoding: 'utf8' });
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as NotebookReport;
    return { exitCode: result.status, report, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
