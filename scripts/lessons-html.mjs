#!/usr/bin/env node
// npm run lessons:html [-- OUTDIR] — every lesson (both editions) executed through Jupyter with the
// project's runner (which fails on any error, stderr or silent cell) and exported to static HTML
// for reading without a kernel. Default OUTDIR: site/lessons (git-ignored). The pictures are
// data-URI images and HTML tables, which survive nbconvert's HTML export.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { jupyterPath, root, setup } from './jupyter-setup.mjs';

const outDir = resolve(process.argv[2] ?? join(root, 'site', 'lessons'));
const found = setup();
if (!found.ok) {
  console.error(found.reason ?? 'Jupyter is not available');
  process.exit(1);
}
const env = { ...process.env, JUPYTER_PATH: jupyterPath };
const work = mkdtempSync(join(tmpdir(), 'layerlab-html-'));
let failed = 0;
try {
  for (const edition of ['', 'zh']) {
    const from = join(root, 'notebooks', edition);
    const to = join(outDir, edition);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((f) => f.endsWith('.ipynb')).sort()) {
      const executed = join(work, `${edition || 'en'}-${name}`);
      const run = spawnSync(found.python, [join(root, 'scripts', 'run-notebook.py'), join(from, name), '--save-executed', executed, '--report', join(work, 'report.json')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (run.status !== 0) { failed++; continue; }
      const html = spawnSync(found.python, ['-m', 'nbconvert', '--to', 'html', executed, '--output-dir', to, '--output', basename(name, '.ipynb')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (html.status !== 0) { failed++; continue; }
      console.log(`wrote ${join(to, basename(name, '.ipynb') + '.html')}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed > 0) { console.error(`${failed} lesson(s) failed; see the messages above`); process.exit(1); }
