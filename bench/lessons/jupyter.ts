// Running a lesson notebook the way the notebook tests do: scripts/jupyter-setup.mjs finds Jupyter
// and registers the project's tslab kernel (into ./.jupyter), scripts/run-notebook.py executes the
// notebook and writes a JSON report with each cell's time.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LessonReport } from './timings';

const REPO = resolve(__dirname, '../..');

/** JupyterSetup: what scripts/jupyter-setup.mjs reports. */
export type JupyterSetup = { ok: true; python: string; jupyterPath: string } | { ok: false; reason: string };

/**
 * jupyterSetup: where Jupyter's Python is, or why notebooks cannot run here.
 * @example const setup = jupyterSetup(); if (!setup.ok) console.log(setup.reason)
 */
export function jupyterSetup(): JupyterSetup {
  try {
    return JSON.parse(execFileSync(process.execPath, [join(REPO, 'scripts/jupyter-setup.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as JupyterSetup;
  } catch (error) {
    return { ok: false, reason: `scripts/jupyter-setup.mjs failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * runLesson executes one notebook with the tslab kernel and resolves to the runner's report (also
 * when a cell failed: the report says which).
 * @example const report = await runLesson(setup, 'notebooks/01-layers.ipynb')
 */
export function runLesson(setup: { python: string; jupyterPath: string }, notebook: string, timeoutSeconds = 300): Promise<LessonReport> {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-lesson-'));
  const reportPath = join(dir, 'report.json');
  const args = [join(REPO, 'scripts/run-notebook.py'), notebook, '--report', reportPath, '--timeout', String(timeoutSeconds)];
  const env = { ...process.env, JUPYTER_PATH: setup.jupyterPath };
  return new Promise((done, fail) => {
    execFile(setup.python, args, { cwd: REPO, env, maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      try {
        done(JSON.parse(readFileSync(reportPath, 'utf8')) as LessonReport);
      } catch {
        fail(new Error(`run-notebook.py wrote no report for ${notebook}: ${String(stderr).trim().split('\n').pop() ?? error?.message}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
