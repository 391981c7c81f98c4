// Test-side view of the project's Jupyter setup. The finding and kernel registration live in
// scripts/jupyter-setup.mjs (also used by `npm start`); tests run it and read its JSON answer,
// so there is one home for "where is Jupyter and is our tslab kernel registered".
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The checkout's root directory. */
export const repoRoot = resolve(__dirname, '../..');

/** JupyterSetup is what scripts/jupyter-setup.mjs reports. */
export type JupyterSetup =
  | { ok: true; python: string; notebook: string; jupyterPath: string; kernel: string }
  | { ok: false; reason: string; howToInstall?: string };

let cached: JupyterSetup | undefined;

/**
 * jupyterSetup finds Jupyter and registers the tslab kernel into ./.jupyter (once per process).
 * @example
 * const setup = jupyterSetup();
 * if (setup.ok) console.log(setup.python);
 */
export function jupyterSetup(): JupyterSetup {
  if (cached) return cached;
  const script = resolve(repoRoot, 'scripts/jupyter-setup.mjs');
  const stdout = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  cached = JSON.parse(stdout) as JupyterSetup;
  return cached;
}

/**
 * haveJupyter is true when notebooks can run here; otherwise it prints why `what` is skipped.
 * @example
 * describe.skipIf(!haveJupyter('the notebook runner tests'))('runner', () => {});
 */
export function haveJupyter(what: string): boolean {
  const setup = jupyterSetup();
  if (setup.ok) return true;
  console.log(`skipping ${what}: ${setup.reason}`);
  return false;
}
