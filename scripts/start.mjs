#!/usr/bin/env node
// npm start: register the tslab kernel in ./.jupyter and open the classic Jupyter Notebook on
// notebooks/. Extra arguments go to Jupyter: `npm start -- --no-browser --port 8899`.
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { jupyterPath, root, setup } from './jupyter-setup.mjs';

const found = setup();
if (!found.ok) {
  console.error(found.howToInstall ?? `layerlab: ${found.reason}.`);
  process.exit(1);
}

// Jupyter refuses to run as root unless told; containers and CI machines often are root.
const asRoot = process.getuid?.() === 0 ? ['--allow-root'] : [];
const env = { ...process.env, JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter) };
console.log(`layerlab: starting ${found.notebook} on notebooks/ with the TypeScript (tslab) kernel`);
// New notebooks a student creates should be TypeScript ones too.
const defaults = ['--MultiKernelManager.default_kernel_name=tslab', ...asRoot];
const jupyter = spawn(found.notebook, [...defaults, ...process.argv.slice(2)], {
  cwd: join(root, 'notebooks'),
  env,
  stdio: 'inherit',
});

// Ctrl-C reaches Jupyter directly (same terminal); it asks to confirm, so we only wait for it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => jupyter.kill('SIGTERM'));
jupyter.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
