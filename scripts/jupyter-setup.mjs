#!/usr/bin/env node
// jupyter-setup: find Jupyter and the Python it runs on, and register the project's tslab kernel
// into ./.jupyter (git-ignored) so nothing is installed outside the checkout.
//
// Used by `npm start` (scripts/start.mjs) and, as a command, by the notebook tests:
//   node scripts/jupyter-setup.mjs          → prints one JSON object describing the setup
// The JSON is { ok: true, python, notebook, jupyterPath, kernel } or { ok: false, reason, howToInstall }.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const prefix = join(root, '.jupyter');
/** Where Jupyter must look for kernels: pass it as JUPYTER_PATH. */
export const jupyterPath = join(prefix, 'share', 'jupyter');
export const kernelName = 'tslab';
const tslabBinary = join(root, 'node_modules', '.bin', 'tslab');
const kernelJson = join(jupyterPath, 'kernels', kernelName, 'kernel.json');

export const howToInstall = [
  'Jupyter Notebook is not installed. Install it, then run the command again:',
  '  Debian/Ubuntu: sudo apt-get install -y jupyter-notebook python3-nbconvert python3-nbclient python3-jupyter-client jupyter-nbconvert',
  '  elsewhere:     pip install notebook nbconvert nbclient',
].join('\n');

/** Full path of `name` on PATH, or undefined. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The interpreter named on a script's `#!` line (pip's console scripts have one). */
function shebangPython(script) {
  if (!script) return undefined;
  const first = readFileSync(script, 'utf8').split('\n', 1)[0];
  const match = /^#!\s*(\S*python[\d.]*)\s*$/.exec(first);
  return match ? match[1] : undefined;
}

function canImport(python, modules) {
  const result = spawnSync(python, ['-c', `import ${modules}`], { stdio: 'ignore' });
  return result.status === 0;
}

/**
 * findNotebook returns the command that starts the classic Notebook UI: Debian's
 * /usr/bin/jupyter-notebook (6.x) or a pip-installed `jupyter-notebook` (7.x), or undefined.
 */
export function findNotebook() {
  const found = which('jupyter-notebook');
  if (found) return found;
  return existsSync('/usr/bin/jupyter-notebook') ? '/usr/bin/jupyter-notebook' : undefined;
}

/**
 * findPython returns a Python that can run Jupyter's client libraries. The `python3` first on
 * PATH may be a pyenv without Jupyter, so the interpreter behind jupyter-notebook is tried first.
 */
export function findPython(notebook = findNotebook()) {
  const candidates = [shebangPython(notebook), '/usr/bin/python3', which('python3')];
  return candidates.find((py) => py && existsSync(py) && canImport(py, 'jupyter_client, nbclient, nbformat, IPython'));
}

function kernelIsRegistered() {
  if (!existsSync(kernelJson)) return false;
  const spec = JSON.parse(readFileSync(kernelJson, 'utf8'));
  return spec.argv?.[0] === tslabBinary && existsSync(tslabBinary);
}

/**
 * registerKernel installs the tslab (and jslab) kernelspecs under ./.jupyter unless an identical
 * one is already there, so it is cheap to call on every start. tslab's installer needs IPython.
 * Test workers may call this at the same moment, so the installer writes into a private
 * directory and each kernel.json is then moved into place with an atomic rename.
 */
export function registerKernel(python) {
  if (kernelIsRegistered()) return kernelJson;
  mkdirSync(prefix, { recursive: true });
  const staging = mkdtempSync(join(prefix, 'staging-'));
  try {
    const tslab = join(root, 'node_modules', 'tslab', 'bin', 'tslab');
    execFileSync(process.execPath, [tslab, 'install', '--python', python, '--binary', tslabBinary, '--prefix', staging], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const staged = join(staging, 'share', 'jupyter', 'kernels');
    for (const name of readdirSync(staged)) {
      mkdirSync(join(jupyterPath, 'kernels', name), { recursive: true });
      renameSync(join(staged, name, 'kernel.json'), join(jupyterPath, 'kernels', name, 'kernel.json'));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return kernelJson;
}

/** setup finds everything and registers the kernel; it never throws for a missing Jupyter. */
export function setup() {
  const notebook = findNotebook();
  const python = findPython(notebook);
  if (!notebook || !python) return { ok: false, reason: 'Jupyter Notebook was not found', howToInstall };
  if (!existsSync(tslabBinary)) return { ok: false, reason: 'node_modules/.bin/tslab is missing; run `npm install` first' };
  return { ok: true, python, notebook, jupyterPath, kernel: registerKernel(python) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(setup()));
}
